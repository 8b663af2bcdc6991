// The bridge between libFuzzer (a C library that mutates inputs and keeps those that reach new code) and a .NET decoder
// instrumented by SharpFuzz. Written for Xent; it speaks the protocol SharpFuzz's Fuzzer.LibFuzzer.Run expects:
//   * a System V shared memory segment: MAP_SIZE bytes of edge counters that the instrumented code bumps, then the input;
//   * its id in __LIBFUZZER_SHM_ID, and two pipes whose descriptors are in __LIBFUZZER_CONTROL_PIPE_ID (driver → .NET:
//     the input's length as a 32-bit integer) and __LIBFUZZER_STATUS_PIPE_ID (.NET → driver: 0 when ready or when the
//     input ran cleanly, anything else when it threw).
// The .NET process is started once and runs every input (persistent mode). After each input the driver copies the edge
// counters into libFuzzer's extra-counters section, so libFuzzer sees the coverage of the managed code; a crash status, a
// dead child or a closed pipe aborts, and libFuzzer saves the input as crash-*.
//
// Build: clang-14 -O2 -c driver.c && clang-14 driver.o /usr/lib/llvm-14/lib/libFuzzer.a -lstdc++ -lpthread -lm
// Run:   XENT_FUZZ_COMMAND=path/to/Xent.Fuzz XENT_FUZZ_TARGET=cm ./driver [libFuzzer flags] CORPUS_DIR
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAP_SIZE (1 << 16)
#define MAX_INPUT (1 << 20)

// Not static, and marked used: libFuzzer finds the section by its linker symbols, and nothing in this file reads it.
__attribute__((used, section("__libfuzzer_extra_counters"))) uint8_t edges[MAP_SIZE];

static uint8_t *shared;
static int shm_id = -1;
static int control_fd = -1, status_fd = -1;
static pid_t child = -1;

static void fail(const char *what) {
  fprintf(stderr, "xent libFuzzer driver: %s: %s\n", what, errno ? strerror(errno) : "");
  exit(2);
}

static int read_all(int fd, void *buffer, size_t n) {
  uint8_t *p = buffer;
  while (n > 0) {
    ssize_t got = read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    p += got;
    n -= (size_t)got;
  }
  return 0;
}

static int write_all(int fd, const void *buffer, size_t n) {
  const uint8_t *p = buffer;
  while (n > 0) {
    ssize_t put = write(fd, p, n);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return -1;
    p += put;
    n -= (size_t)put;
  }
  return 0;
}

static void cleanup(void) {
  if (child > 0) kill(child, SIGKILL);
  if (shared) shmdt(shared);
  if (shm_id >= 0) shmctl(shm_id, IPC_RMID, NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *command = getenv("XENT_FUZZ_COMMAND");
  const char *target = getenv("XENT_FUZZ_TARGET");
  if (!command || !target) {
    fprintf(stderr, "xent libFuzzer driver: set XENT_FUZZ_COMMAND (the Xent.Fuzz executable) and XENT_FUZZ_TARGET\n");
    exit(2);
  }
  shm_id = shmget(IPC_PRIVATE, MAP_SIZE + MAX_INPUT, IPC_CREAT | 0600);
  if (shm_id < 0) fail("shmget");
  shared = shmat(shm_id, NULL, 0);
  if (shared == (void *)-1) fail("shmat");
  atexit(cleanup);

  int control[2], status[2];
  if (pipe(control) || pipe(status)) fail("pipe");
  char value[32];
  snprintf(value, sizeof value, "%d", shm_id);
  setenv("__LIBFUZZER_SHM_ID", value, 1);
  snprintf(value, sizeof value, "%d", control[0]);
  setenv("__LIBFUZZER_CONTROL_PIPE_ID", value, 1);
  snprintf(value, sizeof value, "%d", status[1]);
  setenv("__LIBFUZZER_STATUS_PIPE_ID", value, 1);

  child = fork();
  if (child < 0) fail("fork");
  if (child == 0) {
    close(control[1]);
    close(status[0]);
    execl(command, command, "--libfuzzer", target, (char *)NULL);
    fprintf(stderr, "xent libFuzzer driver: cannot run %s: %s\n", command, strerror(errno));
    _exit(127);
  }
  close(control[0]);
  close(status[1]);
  control_fd = control[1];
  status_fd = status[0];
  signal(SIGPIPE, SIG_IGN);

  int32_t ready;
  if (read_all(status_fd, &ready, sizeof ready) || ready != 0) fail("the .NET process did not start");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > MAX_INPUT) return 0;  // run with -max_len below MAX_INPUT; longer inputs are skipped
  memset(shared, 0, MAP_SIZE);
  memcpy(shared + MAP_SIZE, data, size);
  int32_t length = (int32_t)size, status;
  if (write_all(control_fd, &length, sizeof length) || read_all(status_fd, &status, sizeof status)) {
    fprintf(stderr, "xent libFuzzer driver: the .NET process died on this input\n");
    abort();
  }
  memcpy(edges, shared, MAP_SIZE);
  if (status != 0) {
    fprintf(stderr, "xent libFuzzer driver: the decoder threw an unexpected exception on this input (status %d)\n", status);
    abort();
  }
  return 0;
}
