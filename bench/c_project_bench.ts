// C project benchmark: building a generated C project with gcc, as a real
// project of that size would be built, next to GNU make on the same files.
//
//   npm run bench:c                  build, then run with the defaults
//   BENCH_C_FILES=500 npm run bench:c  a smaller project (default 2,000)
//   BENCH_RUNS=5 ...                 timed runs of each build (default 3)
//   BENCH_PARALLEL, BENCH_KEEP, BENCH_TIMEOUT, BENCH_AMAKE: see
//   bench/build_benchmark.ts
//
// The project has 2,000 .c files: the main files of 4 programs and 8
// libraries sharing the rest, with a public header for each library, an
// internal header for each group of 10 of its files and common headers.
// One non-recursive makefile compiles them at -O0 with `-MMD -MP`, reads
// the dependency files back with `-include $(DEPS)`, archives each library
// and links each program against all of them. The clean build (a fresh
// copy each run) runs at -j2; the null build then finds everything up to
// date, after reading all 2,000 dependency files. Both makes must print
// the same commands (in any order) and make the same files, byte for byte;
// a difference is reported as a warning. It asserts nothing about time.
//
// How long it takes, on the 2-core development machine: gcc spends some
// 22 ms of CPU on each file, so a clean build is about 45 s of CPU, at
// least 25 s of wall time at -j2, for each make. With the default 3 runs
// of each, the whole benchmark should take 3 to 4 minutes on an idle
// machine; measured while other work kept the machine busy (load average
// 3.4) it took 7.7 minutes. BENCH_C_FILES scales it linearly.

import { runBuildBenchmark } from './build_benchmark';
import { FILES, LIBRARIES, PROGRAMS, warmUp, writeProject } from './c_project';
import { reportFailure } from './harness';

runBuildBenchmark({
  name: 'c',
  writeProject,
  describe: () =>
    `${FILES} C files (${PROGRAMS} programs, ${LIBRARIES} libraries), ` +
    'gcc -O0 -MMD -MP',
  warmUp,
}).catch(reportFailure);
