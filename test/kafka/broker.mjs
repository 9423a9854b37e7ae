// KafkaBroker: a real single-node Apache Kafka (KRaft) from Maven Central jars, for tests and `npm run kafka`.
// @ts-check

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

export const KAFKA_VERSION = '3.9.1';
const POM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pom.xml');
const READY_LINE = 'Kafka Server started';

/** Where the jars and Maven's local repository are kept between runs (outside the repository). */
export function kafkaCacheDir() {
  return process.env.EDDY_KAFKA_CACHE ?? path.join(os.homedir(), '.cache', 'eddy-kafka');
}

/** @param {string} command */
function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Why a broker cannot be started here (null when Java and Maven are both present). */
export function missingTools() {
  const missing = ['java', 'mvn'].filter((c) => !onPath(c));
  return missing.length === 0 ? null : `${missing.join(' and ')} not found on PATH`;
}

/**
 * Downloads kafka_2.13 and its logging binding with `mvn dependency:copy-dependencies` into the
 * cache (once; a marker file says the copy is complete). Returns the libs directory.
 * @param {(line: string) => void} say
 */
export function fetchKafkaJars(say = () => undefined) {
  const cache = kafkaCacheDir();
  const libs = path.join(cache, `kafka-${KAFKA_VERSION}`, 'libs');
  const marker = path.join(libs, '.complete');
  if (fs.existsSync(marker)) return libs;
  say(`kafka: fetching Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs} (first run only)`);
  fs.rmSync(libs, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    ['-B', '-ntp', '-q', '-f', POM, `-Dmaven.repo.local=${path.join(cache, 'm2')}`, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libs}`],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`mvn could not fetch the Kafka jars (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  return libs;
}

/** A free TCP port on 127.0.0.1 (released before returning; the broker binds it right after). */
function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        server.close(() => resolve(port));
      });
    })
  );
}

/** Kafka's cluster id format: 16 random bytes, base64url without padding, not starting with '-'. */
function clusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * @param {string} dataDir
 * @param {number} port
 * @param {number} controllerPort
 */
function serverProperties(dataDir, port, controllerPort) {
  return `process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${dataDir}
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=1000
transaction.abort.timed.out.transaction.cleanup.interval.ms=1000
num.partitions=1
auto.create.topics.enable=false
delete.topic.enable=true
log.retention.ms=-1
log.message.timestamp.after.max.ms=9223372036854775807
num.network.threads=2
num.io.threads=4
background.threads=4
num.recovery.threads.per.data.dir=1
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216
`;
}

const LOG4J = `log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
`;

/** One broker+controller process on 127.0.0.1; `stop()` and `start()` again keep its data and ports. */
export class KafkaBroker {
  /** @type {import('node:child_process').ChildProcess | null} */
  child = null;
  output = '';

  /**
   * @param {string} runDir
   * @param {string} libs
   * @param {number} port
   */
  constructor(runDir, libs, port) {
    this.runDir = runDir;
    this.libs = libs;
    this.port = port;
    this.brokers = `127.0.0.1:${port}`;
  }

  /**
   * Fetches the jars if needed, formats a fresh KRaft directory on free ports and starts the broker.
   * @param {{ say?: (line: string) => void, runDir?: string }} [options]
   */
  static async create(options = {}) {
    const say = options.say ?? (() => undefined);
    const libs = fetchKafkaJars(say);
    const runDir = options.runDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-kafka-'));
    const [port, controllerPort] = [await freePort(), await freePort()];
    fs.writeFileSync(path.join(runDir, 'server.properties'), serverProperties(path.join(runDir, 'data'), port, controllerPort));
    fs.writeFileSync(path.join(runDir, 'log4j.properties'), LOG4J);
    const broker = new KafkaBroker(runDir, libs, port);
    try {
      execFileSync(
        'java',
        ['-Xmx256m', ...broker.jvmLogArgs(), '-cp', path.join(libs, '*'), 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', path.join(runDir, 'server.properties'), '--ignore-formatted'],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      await broker.start();
    } catch (e) {
      await broker.destroy();
      throw e;
    }
    return broker;
  }

  jvmLogArgs() {
    return [`-Dlog4j.configuration=file:${path.join(this.runDir, 'log4j.properties')}`];
  }

  /** Starts the JVM and resolves once the broker logged readiness and answers an admin probe. */
  async start(timeoutMs = 90_000) {
    if (this.child !== null) throw new Error('the broker is already running');
    this.output = '';
    const child = spawn(
      'java',
      [
        '-Xms128m',
        '-Xmx512m',
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-XX:+ExitOnOutOfMemoryError',
        '-XX:TieredStopAtLevel=1',
        '-Djava.awt.headless=true',
        ...this.jvmLogArgs(),
        '-cp',
        path.join(this.libs, '*'),
        'kafka.Kafka',
        path.join(this.runDir, 'server.properties'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    // Never leave an orphaned JVM holding the ports when this process ends.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    /** @type {Promise<{ code: number | null, signal: string | null }>} */
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the Kafka broker did not start within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      /** @param {Buffer} chunk */
      const onData = (chunk) => {
        this.output += chunk.toString('utf8');
        if (this.output.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then((how) => {
        clearTimeout(timer);
        reject(new Error(`the Kafka broker exited before it was ready (code ${how.code}, signal ${how.signal}):\n${this.output}`));
      });
    });
    await probe(this.brokers, timeoutMs);
  }

  /** Stops the broker (SIGTERM, then SIGKILL after `graceMs`) and waits until it is gone. */
  async stop(graceMs = 15_000) {
    const child = this.child;
    if (child === null || child.pid === undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }, graceMs);
    await gone;
    clearTimeout(timer);
    this.child = null;
  }

  /** Stops the broker and deletes its data directory. */
  async destroy() {
    await this.stop(5_000);
    fs.rmSync(this.runDir, { recursive: true, force: true });
  }
}

/**
 * Waits until the broker answers admin requests, and warms up the group and transaction
 * coordinators (creating __consumer_offsets and __transaction_state) so the first test does not pay.
 * @param {string} brokers
 * @param {number} timeoutMs
 */
export async function probe(brokers, timeoutMs = 60_000) {
  const kafka = new Kafka({ clientId: 'eddy-probe', brokers: brokers.split(','), logLevel: logLevel.NOTHING, connectionTimeout: 1000, requestTimeout: 5000, retry: { retries: 0 } });
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let last = null;
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      if ((await admin.describeCluster()).brokers.length > 0) {
        const topics = await admin.listTopics();
        if (!topics.includes('_eddy_probe')) {
          await admin.createTopics({ topics: [{ topic: '_eddy_probe', numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
        }
        await admin.fetchTopicOffsets('_eddy_probe');
        await admin.fetchOffsets({ groupId: '_eddy_probe', topics: ['_eddy_probe'] });
        break;
      }
    } catch (e) {
      last = e;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`the Kafka broker at ${brokers} is not ready: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // The transaction coordinator comes up after __transaction_state is created: retry until it answers.
  for (;;) {
    const producer = kafka.producer({ transactionalId: '_eddy_probe_tx', idempotent: true, maxInFlightRequests: 1, retry: { retries: 3 } });
    try {
      await producer.connect();
      const tx = await producer.transaction();
      await tx.send({ topic: '_eddy_probe', messages: [{ value: 'ok' }] });
      await tx.commit();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`the Kafka broker at ${brokers} has no transaction coordinator: ${String(e)}`);
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
