import { prepareTestDatabase } from './database.js';

export default async function setup() {
  await prepareTestDatabase();
}
