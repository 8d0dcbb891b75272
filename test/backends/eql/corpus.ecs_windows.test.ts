import { corpusSuite } from './corpus-suite.js';

corpusSuite('eql.ecs_windows', ['ecs_windows']);
