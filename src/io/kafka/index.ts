// io/kafka: Apache Kafka behind the Topics seam and exec's ports — kafkajs is imported nowhere else.

export { KafkaTopics } from './kafka-topics.js';
export type { KafkaConnectionOptions } from './kafka-connection.js';
export { KafkaCommandLog } from './kafka-command-log.js';
