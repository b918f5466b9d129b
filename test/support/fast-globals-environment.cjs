/**
 * Jest's node environment, with a test file's global object made an ordinary
 * one: `vm.createContext(vm.constants.DONT_CONTEXTIFY)` instead of jest's
 * contextified Proxy sandbox.
 *
 * Why: in a contextified context every global lookup (`Infinity`, `Math`,
 * `Number`…) goes through Node's interceptor and jest's Proxy trap, about
 * 300× slower than a plain global read (nodejs/node#31658, jestjs/jest#5163).
 * The planner's hot loops read `Infinity` and `Math` millions of times, so a
 * plan planned in-process under jest ran 17–30× slower than the same plan in
 * `node` (a 3-day Wuhan plan: 66.6 s vs 2.1 s with this environment, load 17).
 * Everything else is jest-environment-node's own setup (globals, timers,
 * mocks); only the context it builds them on changes. The flag came with
 * nodejs/node#54394 (Node 22.8, backported to 20.x; present in our 20.20);
 * a Node without it gets jest's usual context, and this file's spec fails
 * to say so.
 */
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

class FastGlobalsEnvironment extends TestEnvironment {
  constructor(config, context) {
    const plain = vm.constants && vm.constants.DONT_CONTEXTIFY;
    const createContext = vm.createContext;
    // jest-environment-node calls vm.createContext(sandbox) once, inside its constructor.
    if (plain !== undefined) vm.createContext = () => createContext(plain);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
  }
}

module.exports = FastGlobalsEnvironment;
