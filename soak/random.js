// A seeded pseudo-random generator (mulberry32): the same SOAK_SEED gives the same schedule
// of writes and chaos, so a failing run can be repeated.

/** A generator with the helpers the soak needs; `seed` is a 32-bit unsigned integer. */
function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    /** A number in [low, high). */
    between: (low, high) => low + next() * (high - low),
    /** An integer in [low, high]. */
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    chance: (probability) => next() < probability,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A key of `weights` ({kind: weight}), each drawn in proportion to its weight. */
    weighted: (weights) => {
      const entries = Object.entries(weights);
      let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    shuffled: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    /** An independent generator for another part of the run, derived from this one. */
    fork: () => seededRandom(Math.floor(next() * 4294967296)),
  };
  return random;
}

function newSeed() {
  return Math.floor(Math.random() * 4294967296);
}

module.exports = { seededRandom, newSeed };
