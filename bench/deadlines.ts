/**
 * Deadlines: the state transitions of each path of a timed matter, counted by running the
 * synthesized state machine, and what 1,000 matters cost at AWS list prices beside the API
 * Gateway, Lambda, DynamoDB and SNS cost of the same matters.
 */
import { synthesizeTemplates } from '../infra/local/synth.ts';
import { LocalWorkflows, stateMachineDefinition } from '../infra/local/step-functions.ts';

/** US East list prices, per unit (the county's region differs a little; ratios hold). */
export const PRICES = {
  stepFunctionsTransition: 0.025 / 1000,
  httpApiRequest: 1.0 / 1_000_000,
  lambdaRequest: 0.2 / 1_000_000,
  lambdaGbSecondArm: 0.0000133334,
  dynamoWriteUnit: 0.625 / 1_000_000,
  dynamoReadUnit: 0.125 / 1_000_000,
  snsPublish: 0.5 / 1_000_000,
};

type Stage = 'warning' | 'breach' | 'escalation';
const STAGES: Stage[] = ['warning', 'breach', 'escalation'];

export async function countTransitions() {
  const { definition } = stateMachineDefinition(synthesizeTemplates().stateless);
  const paths: { path: string; closesAt: Stage | undefined }[] = [
    { path: 'closed before the warning', closesAt: 'warning' },
    { path: 'warned, then closed', closesAt: 'breach' },
    { path: 'warned and breached, then handled', closesAt: 'escalation' },
    { path: 'warned, breached and escalated', closesAt: undefined },
  ];
  const results = [];
  for (const { path, closesAt } of paths) {
    let checks = 0;
    let publishes = 0;
    const check = (input: any): Promise<any> => {
      checks += 1;
      const open = !closesAt || STAGES.indexOf(input.stage) < STAGES.indexOf(closesAt);
      return Promise.resolve(
        open
          ? { open: true, publish: true, message: '{}', alert: { severity: input.stage, concern: 'complaints', department: 'x' } }
          : { open: false, publish: false },
      );
    };
    const publish = (): Promise<any> => {
      publishes += 1;
      return Promise.resolve({});
    };
    const workflows = new LocalWorkflows({
      definition,
      stateMachineArn: 'arn:aws:states:local:0:stateMachine:bench',
      taskHandlers: {
        CheckWarning: check,
        CheckBreach: check,
        CheckEscalation: check,
        PublishWarning: publish,
        PublishBreach: publish,
        PublishEscalation: publish,
      },
    });
    const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
    const record = workflows.start(
      'bench',
      JSON.stringify({ matter: {}, timeline: { warnAt: soon(5), deadline: soon(10), escalateAt: soon(15) } }),
    );
    await workflows.settled();
    results.push({ path, transitions: record.transitions, checks, publishes });
  }
  return results;
}

/**
 * What 1,000 complaints cost on each path, everything counted: intake and two answers through
 * the API (3 requests, 3 Lambda invocations of ~60 ms at 512 MB), their DynamoDB writes (a
 * transaction of 3 items on intake and 2-3 on each answer: about 16 write units, doubled for
 * transactions, and 6 read units), and the deadline executions (two per complaint: the
 * acknowledgement's and the answer's), their check invocations and SNS publishes.
 */
export function costPerThousand(path: { transitions: number; checks: number; publishes: number }) {
  const matters = 1000;
  const executions = 2;
  const stepFunctions = matters * executions * path.transitions * PRICES.stepFunctionsTransition;
  const api = matters * 3 * PRICES.httpApiRequest;
  const lambda = matters * (3 + executions * path.checks) * (PRICES.lambdaRequest + 0.5 * 0.06 * PRICES.lambdaGbSecondArm);
  const dynamo = matters * (16 * PRICES.dynamoWriteUnit + (6 + executions * path.checks) * PRICES.dynamoReadUnit);
  const sns = matters * executions * path.publishes * PRICES.snsPublish;
  return { stepFunctions, api, lambda, dynamo, sns, total: stepFunctions + api + lambda + dynamo + sns };
}
