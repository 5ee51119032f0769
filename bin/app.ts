#!/usr/bin/env node
// The CDK app: stacks from context, checked by the AWS Solutions and NIST 800-53 R5 rule packs.
// Any unacknowledged finding fails the synthesis.
import { Validations } from 'aws-cdk-lib';
import { buildApp, nagPacks } from '../lib/app';

const { app } = buildApp();
Validations.of(app).addPlugins(...nagPacks());
app.synth();
