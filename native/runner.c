/*
 * amake-runner: runs one of amake's jobs on a remote worker, and records
 * everything the job did to the workspace.
 *
 * amake sends it as an input of every remote action. The worker runs it
 * with the action's input root, the workspace as the job must see it, as
 * its working directory (the exec root):
 *
 *   .amake-runner/runner .amake-runner/job [SECONDS]
 *
 * SECONDS, if given, is the time the whole job may take: when it is up,
 * the command running gets TERM (every process of its namespace, through
 * the init), KILL a grace period later, and no further command starts.
 *
 * Neither ./.amake-runner nor ./.amake-out is part of the workspace: the
 * runner never records or walks into them. It writes all it records into
 * ./.amake-out, which does not exist before it starts (if it does, it is
 * used as it is); the action declares two outputs in it, the file
 * .amake-out/bundle and the directory .amake-out/tree (see the end).
 *
 * The job file is a sequence of NUL-terminated strings:
 *
 *   "amake-job-1"       format tag; anything else: exit 2
 *   directory           relative to the exec root, "." for the root: the
 *                       commands run there
 *   shell               e.g. "/bin/sh"
 *   N                   decimal count of shell flags, then N flags ("-c")
 *   M                   decimal count of commands, then two strings each:
 *     options           "" or "i": its failure is ignored, the next runs
 *     text              the command line: the argument after the flags
 *   K                   decimal count of fakeroot state files, then two
 *                       strings each:
 *     path              where the state file is, relative to the exec root
 *     source            a file under .amake-runner/ holding the same state
 *                       in path form (below)
 *   E                   decimal count of environment entries, then E
 *                       strings "NAME=value": the commands' whole
 *                       environment (nothing of the runner's is inherited)
 *
 * A fakeroot state file (`fakeroot -s`, 1.31) has a line per file, keyed
 * by device (hex) and inode:
 *
 *   dev=fe00,ino=2189779,mode=104755,uid=0,gid=5,nlink=1,rdev=0
 *
 * Inodes mean nothing on another machine. The same line in path form
 * drops `dev=..,ino=..,` and names the file instead, after one space,
 * relative to the exec root:
 *
 *   mode=104755,uid=0,gid=5,nlink=1,rdev=0 sub/dir/file
 *
 * Before the commands the runner writes each state file at its path in
 * fakeroot's own form for this machine (a line whose file does not exist
 * is dropped), then takes a snapshot of the exec root.
 *
 * Each command runs as `shell flags... text` in the directory, with the
 * job's environment (plus FAKEROOTDONTTRYCHOWN=1 in a user namespace: see
 * exec_command; and TMPDIR=<exec root>/.amake-out/tmp, removed after the
 * job, if the environment has no TMPDIR and /tmp cannot be written),
 * stdin /dev/null, stdout to .amake-out/out.I and stderr to
 * .amake-out/err.I, I counting from 1. It is contained as amake-spawner
 * contains a command: in a PID and an IPC namespace of its own under a
 * small init (and a user namespace, mapping the user to itself, when not
 * root; it keeps the runner's IPC namespace if the environment has a
 * FAKEROOTKEY). What it leaves when its main process ends is recorded in
 * .amake-out/left, a line `PID<TAB>command line` each (the PID as the
 * worker sees it; NULs and newlines of the command line as spaces), sent
 * TERM, and after a grace period of a second the namespace is ended with
 * KILL. Where no namespace is allowed, the command runs uncontained and
 * the runner, a subreaper, does the same to the command's descendants.
 * The runner goes on only when all of them are gone. A command that fails
 * (non-zero exit, or a signal) without "i" ends the job.
 *
 * .amake-out/status has a line per command that ran, `I EXIT SIGNAL`
 * (SIGNAL: 0, or the signal that killed it, EXIT then 0), and after it,
 * if the shell could not be started at all, `I start-error ERRNO` (EXIT
 * is then 127). `I timeout` says the job ran out of time while command I
 * ran, or before it started; nothing runs after it.
 *
 * After the commands a second snapshot is compared with the first, and
 * .amake-out/manifest written, NUL-terminated strings again:
 *
 *   "amake-manifest-1"
 *   "S", start                  the worker's clock as the first command
 *                               started: CLOCK_REALTIME_COARSE, the clock
 *                               the kernel takes file times from, so that
 *                               what the job writes is never older
 *   then records in path order, where a parent comes before its children:
 *   "C", type, mode, mtime, path
 *                               created or changed: type "f" regular file,
 *                               "d" directory, "l" symlink; a file's new
 *                               content is in .amake-out/tree/PATH (linked
 *                               there, or copied)
 *   then, for a symlink, target  its target, as the manifest's next string:
 *                               the tree holds no symlinks, since a worker
 *                               may follow them when it collects outputs
 *   "D", path                   deleted: a directory only, not what it held
 *   "F", mode, mtime, path      instead of "C" for a regular file that is
 *                               a fakeroot state file (not empty, and every
 *                               line `dev=HEX,ino=DEC,mode=OCT,uid=DEC,
 *                               gid=DEC,nlink=DEC,rdev=DEC`): the tree holds
 *                               it in path form, by the exec root after the
 *                               job (a line whose file is not there, or
 *                               whose path has a newline, is dropped)
 *
 * Times are SECONDS.NANOSECONDS, nanoseconds in 9 digits (tv_sec and
 * tv_nsec: before 1970 SECONDS is negative, NANOSECONDS still counts
 * forward from it); modes in octal, permission bits with setuid, setgid
 * and sticky. A change is any difference in type, mode, size, mtime,
 * device, inode or symlink target; a directory changes only with its
 * mode. An entry whose type changed is
 * first deleted: "D", then "C" (so a directory that became a file takes
 * what it held with it). Entries other than files, directories and
 * symlinks (FIFOs, sockets) are never recorded as created; one that
 * replaces something records the "D" of what it replaced. The exec root
 * itself is never recorded.
 *
 * Last, every regular file below .amake-out of at most 1 MiB (the
 * manifest, status, left, out.I and err.I, and tree/ files) is moved into
 * .amake-out/bundle, and the directories of tree/ left empty are
 * removed: a client then reads one blob for most jobs, not one per file.
 * The bundle is NUL-terminated strings again, with bytes among them:
 *
 *   "amake-bundle-1"
 *   then for each file: "B", its path below .amake-out, its size in
 *   decimal, then that many bytes and a NUL
 *
 * Exit status: 0 when the job ran and was recorded, whatever its commands
 * did; 2 for a bad job file, 1 when the runner failed otherwise, with a
 * message on stderr. It writes nothing else on its own stdout or stderr.
 * `runner --probe` prints the containment this worker allows, and
 * AMAKE_CONTAINMENT=none in the runner's environment turns it off.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "namespaces.h"

/* How long what a command left behind has between TERM and KILL. */
enum { GRACE_MS = 1000 };

#define OUT ".amake-out"
#define TREE OUT "/tree/"

extern char **environ;

static void fail(int code, const char *format, ...) {
    va_list args;
    va_start(args, format);
    fputs("amake-runner: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    exit(code);
}

static void *grow(void *data, size_t size) {
    data = realloc(data, size ? size : 1);
    if (!data) fail(1, "out of memory");
    return data;
}

static char *copy_string(const char *text) {
    size_t size = strlen(text) + 1;
    return memcpy(grow(NULL, size), text, size);
}

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Bytes that grow as they are added to. */
struct text {
    char *data;
    size_t size, capacity;
};

static void add(struct text *text, const void *data, size_t size) {
    if (text->size + size > text->capacity) {
        text->capacity = (text->size + size) * 2 + 256;
        text->data = grow(text->data, text->capacity);
    }
    memcpy(text->data + text->size, data, size);
    text->size += size;
}

static void add_string(struct text *text, const char *string) {
    add(text, string, strlen(string));
}

/* A whole file, NUL-terminated after its `size` bytes; NULL, errno. */
static char *read_whole(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return NULL;
    struct text text = {0};
    char buffer[65536];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int error = errno;
            close(fd);
            free(text.data);
            errno = error;
            return NULL;
        }
        if (n == 0) break;
        add(&text, buffer, (size_t)n);
    }
    close(fd);
    add(&text, "", 1);
    *size = text.size - 1;
    return text.data;
}

static int write_all(int fd, const void *data, size_t size) {
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

/* Creates or empties `path` and writes `size` bytes in it; fails. */
static void write_whole(const char *path, const void *data, size_t size) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || write_all(fd, data, size) || close(fd)) {
        fail(1, "cannot write %s: %s", path, strerror(errno));
    }
}

/* The directories above `path`, as `mkdir -p` makes them; fails. */
static void make_parents(const char *path) {
    if (!*path) return;
    char *copy = copy_string(path);
    for (char *slash = strchr(copy + 1, '/'); slash;
         slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(copy, 0755) && errno != EEXIST) {
            fail(1, "cannot create %s: %s", copy, strerror(errno));
        }
        *slash = '/';
    }
    free(copy);
}

/* ---- The job file ---- */

struct command {
    const char *options, *text;
};

struct state {
    const char *path, *source;
};

struct job {
    const char *directory, *shell;
    int flag_count, command_count, state_count;
    const char **flags;
    struct command *commands;
    struct state *states;
    char **env; /* NULL-terminated */
};

struct reader {
    const char *file;
    char *p, *end;
};

static char *next_string(struct reader *reader) {
    char *nul = memchr(reader->p, '\0', (size_t)(reader->end - reader->p));
    if (!nul) fail(2, "%s: not a whole job file", reader->file);
    char *string = reader->p;
    reader->p = nul + 1;
    return string;
}

static int next_count(struct reader *reader) {
    const char *string = next_string(reader);
    long count = 0;
    for (const char *p = string; *p; p++) {
        if (*p < '0' || *p > '9' || count > 1 << 24) count = -1;
        if (count < 0) break;
        count = count * 10 + (*p - '0');
    }
    if (!*string || count < 0 || count > 1 << 24) {
        fail(2, "%s: not a count: '%s'", reader->file, string);
    }
    return (int)count;
}

static void read_job(const char *file, struct job *job) {
    size_t size;
    char *data = read_whole(file, &size);
    if (!data) fail(2, "cannot read %s: %s", file, strerror(errno));
    struct reader reader = {file, data, data + size};
    if (size < 12 || memcmp(data, "amake-job-1", 12) != 0) {
        fail(2, "%s is not an amake-job-1 job file", file);
    }
    next_string(&reader);
    job->directory = next_string(&reader);
    job->shell = next_string(&reader);
    job->flag_count = next_count(&reader);
    job->flags = grow(NULL, sizeof(char *) * (size_t)job->flag_count);
    for (int i = 0; i < job->flag_count; i++) {
        job->flags[i] = next_string(&reader);
    }
    job->command_count = next_count(&reader);
    job->commands =
        grow(NULL, sizeof(struct command) * (size_t)job->command_count);
    for (int i = 0; i < job->command_count; i++) {
        job->commands[i].options = next_string(&reader);
        job->commands[i].text = next_string(&reader);
    }
    job->state_count = next_count(&reader);
    job->states = grow(NULL, sizeof(struct state) * (size_t)job->state_count);
    for (int i = 0; i < job->state_count; i++) {
        job->states[i].path = next_string(&reader);
        job->states[i].source = next_string(&reader);
    }
    int env_count = next_count(&reader);
    job->env = grow(NULL, sizeof(char *) * (size_t)(env_count + 1));
    for (int i = 0; i < env_count; i++) job->env[i] = next_string(&reader);
    job->env[env_count] = NULL;
    if (reader.p != reader.end) fail(2, "%s: more than a job", file);
}

/* ---- Fakeroot's state files ---- */

/* After `name`, digits in `base`: where they end, or NULL. */
static const char *number(const char *p, const char *name, int base,
                          unsigned long long *value) {
    size_t size = strlen(name);
    if (strncmp(p, name, size) != 0) return NULL;
    const char *digits = p += size;
    for (;; p++) {
        int digit = *p >= '0' && *p <= (base == 8 ? '7' : '9');
        if (base == 16) {
            digit = digit || (*p >= 'a' && *p <= 'f') ||
                    (*p >= 'A' && *p <= 'F');
        }
        if (!digit) break;
    }
    if (p == digits) return NULL;
    if (value) *value = strtoull(digits, NULL, base);
    return p;
}

/* The fields of a line both forms share: where they end, or NULL. */
static const char *attributes(const char *p) {
    p = number(p, "mode=", 8, NULL);
    if (p) p = number(p, ",uid=", 10, NULL);
    if (p) p = number(p, ",gid=", 10, NULL);
    if (p) p = number(p, ",nlink=", 10, NULL);
    if (p) p = number(p, ",rdev=", 10, NULL);
    return p;
}

/*
 * Whether the line from `line` to `end` (where a NUL is put) is one of
 * fakeroot's own form: then its dev, ino, and where its attributes start.
 */
static int state_line(char *line, char *end, unsigned long long *dev,
                      unsigned long long *ino, const char **rest) {
    *end = '\0';
    const char *p = number(line, "dev=", 16, dev);
    if (p) p = number(p, ",ino=", 10, ino);
    if (!p || *p != ',') return 0;
    *rest = p + 1;
    return attributes(p + 1) == end;
}

/* Where the line at `line` ends: its newline, or the end of the data
   (the last line may lack its newline). */
static char *line_end(char *line, char *data_end) {
    char *end = memchr(line, '\n', (size_t)(data_end - line));
    return end ? end : data_end;
}

/* Writes the state in path form `source` at `path`, in fakeroot's form. */
static void write_state(const struct state *state) {
    size_t size;
    char *data = read_whole(state->source, &size);
    if (!data) {
        fail(2, "cannot read %s: %s", state->source, strerror(errno));
    }
    struct text form = {0};
    for (char *line = data, *end; line < data + size; line = end + 1) {
        end = line_end(line, data + size);
        if (end == line) continue;
        *end = '\0';
        const char *fields_end = attributes(line);
        if (!fields_end || *fields_end != ' ' || !fields_end[1] ||
            memchr(line, '\0', (size_t)(end - line))) {
            fail(2, "%s: not a fakeroot state in path form: '%s'",
                 state->source, line);
        }
        struct stat st;
        if (lstat(fields_end + 1, &st)) continue;
        char key[64];
        snprintf(key, sizeof key, "dev=%llx,ino=%llu,",
                 (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
        add_string(&form, key);
        add(&form, line, (size_t)(fields_end - line));
        add(&form, "\n", 1);
    }
    make_parents(state->path);
    write_whole(state->path, form.data ? form.data : "", form.size);
    free(form.data);
    free(data);
}

/* ---- Snapshots of the exec root ---- */

struct entry {
    char *path;
    char type; /* f, d, l; o: anything else */
    mode_t mode;
    off_t size;
    struct timespec mtime;
    dev_t dev;
    ino_t ino;
    char *target; /* a symlink's */
};

struct snapshot {
    struct entry *entries;
    size_t count, capacity;
};

/* Byte order, but for '/' which comes first: a parent comes before its
   children, and all of them come right after it. */
static int path_order(const char *a, const char *b) {
    for (;; a++, b++) {
        int x = *a == '/' ? 1 : *a ? (unsigned char)*a + 2 : 0;
        int y = *b == '/' ? 1 : *b ? (unsigned char)*b + 2 : 0;
        if (x != y) return x < y ? -1 : 1;
        if (!x) return 0;
    }
}

static int entry_order(const void *a, const void *b) {
    return path_order(((const struct entry *)a)->path,
                      ((const struct entry *)b)->path);
}

static char *read_link(int dir, const char *name, const char *path,
                       size_t guess) {
    for (size_t size = guess + 2;; size *= 2) {
        char *target = grow(NULL, size);
        ssize_t n = readlinkat(dir, name, target, size);
        if (n < 0) fail(1, "cannot read link %s: %s", path, strerror(errno));
        if ((size_t)n < size) {
            target[n] = '\0';
            return target;
        }
        free(target);
    }
}

/* Adds what directory `fd` (closed here) holds, at `prefix`, to `shot`. */
static void walk(struct snapshot *shot, int fd, const char *prefix) {
    DIR *dir = fdopendir(fd);
    if (!dir) {
        fail(1, "cannot list %s: %s", *prefix ? prefix : ".", strerror(errno));
    }
    struct dirent *item;
    for (errno = 0; (item = readdir(dir)); errno = 0) {
        const char *name = item->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
        if (!*prefix &&
            (!strcmp(name, ".amake-runner") || !strcmp(name, ".amake-out"))) {
            continue;
        }
        size_t size = strlen(prefix) + strlen(name) + 2;
        char *path = grow(NULL, size);
        snprintf(path, size, "%s%s%s", prefix, *prefix ? "/" : "", name);
        struct stat st;
        if (fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW)) {
            fail(1, "cannot stat %s: %s", path, strerror(errno));
        }
        if (shot->count == shot->capacity) {
            shot->capacity = shot->capacity * 2 + 1024;
            shot->entries =
                grow(shot->entries, sizeof(struct entry) * shot->capacity);
        }
        char type = S_ISREG(st.st_mode)   ? 'f'
                    : S_ISDIR(st.st_mode) ? 'd'
                    : S_ISLNK(st.st_mode) ? 'l'
                                          : 'o';
        shot->entries[shot->count++] = (struct entry){
            .path = path,
            .type = type,
            .mode = st.st_mode & 07777,
            .size = st.st_size,
            .mtime = st.st_mtim,
            .dev = st.st_dev,
            .ino = st.st_ino,
            .target = type == 'l' ? read_link(dirfd(dir), name, path,
                                              (size_t)st.st_size)
                                  : NULL,
        };
        if (type == 'd') {
            int sub = openat(dirfd(dir), name,
                             O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) fail(1, "cannot list %s: %s", path, strerror(errno));
            walk(shot, sub, path);
        }
    }
    if (errno) {
        fail(1, "cannot list %s: %s", *prefix ? prefix : ".", strerror(errno));
    }
    closedir(dir);
}

static void take_snapshot(struct snapshot *shot) {
    int root = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) fail(1, "cannot open the exec root: %s", strerror(errno));
    walk(shot, root, "");
    qsort(shot->entries, shot->count, sizeof(struct entry), entry_order);
}

/* ---- Containment, as amake-spawner does it (namespaces.h) ---- */

/* In the child: the command's streams, directory, environment, shell. */
static void exec_command(const struct job *job, const char *text, int out,
                         int err, int report) {
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out, 1);
    dup2(err, 2);
    close_from(3, report);
    char **env = job->env;
    /* fakeroot's chown fails with EINVAL in a user namespace, where the
       ids it would set are not mapped, unless told not to try. */
    if (containment == USER_NAMESPACES) {
        size_t count = 0, given = 0;
        while (env[count]) {
            if (strncmp(env[count], "FAKEROOTDONTTRYCHOWN=", 21) == 0) given++;
            count++;
        }
        char **more = malloc(sizeof(char *) * (count + 2));
        if (more && !given) {
            memcpy(more, env, sizeof(char *) * count);
            more[count] = "FAKEROOTDONTTRYCHOWN=1";
            more[count + 1] = NULL;
            env = more;
        }
    }
    const char **args = malloc(sizeof(char *) * (size_t)(job->flag_count + 3));
    if (args) {
        args[0] = job->shell;
        memcpy(args + 1, job->flags, sizeof(char *) * (size_t)job->flag_count);
        args[job->flag_count + 1] = text;
        args[job->flag_count + 2] = NULL;
    }
    errno = ENOMEM;
    if (args && chdir(job->directory) == 0) {
        environ = env;
        execvp(job->shell, (char **)args);
    }
    int32_t code = errno;
    write_all(report, &code, sizeof code);
    _exit(127);
}

/* ---- The job's time limit ---- */

/* The job ran out of its time: what runs is being stopped. */
static volatile sig_atomic_t out_of_time;
/* What a stop is sent to: the command's init, or the command; 0: none. */
static volatile pid_t stoppable;

/* The time is up: TERM now; KILL if it comes again, a grace period on. */
static void time_is_up(int signal_number) {
    (void)signal_number;
    pid_t target = stoppable;
    if (!out_of_time) {
        out_of_time = 1;
        if (target > 0) kill(target, SIGTERM);
        alarm((GRACE_MS + 999) / 1000);
    } else if (target > 0) {
        kill(target, SIGKILL);
    }
}

/* The whole job may take `seconds` (0: no limit). */
static void limit_time(double seconds) {
    if (seconds <= 0) return;
    struct sigaction action = {0};
    action.sa_handler = time_is_up;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, NULL);
    struct itimerval timer = {0};
    timer.it_value.tv_sec = (time_t)seconds;
    double fraction = seconds - (double)timer.it_value.tv_sec;
    timer.it_value.tv_usec = (suseconds_t)(fraction * 1e6);
    if (!timer.it_value.tv_sec && !timer.it_value.tv_usec) {
        timer.it_value.tv_usec = 1;
    }
    setitimer(ITIMER_REAL, &timer, NULL);
}

/* The init's TERM, from the runner out of time: for every process. */
static void stop_namespace(int signal_number) {
    kill(-1, signal_number);
}

/*
 * The init of a contained command's namespace: it starts the command,
 * reaps every process of the namespace, says how the command ended and
 * whether anything is left, and ends when nothing is.
 */
static void run_init(int main_fd, const struct job *job, const char *text,
                     int out, int err, int report) {
    signal(SIGALRM, SIG_DFL);
    signal(SIGTERM, stop_namespace);
    pid_t command = fork();
    if (command == 0) {
        close(main_fd);
        exec_command(job, text, out, err, report);
    }
    close_from(0, main_fd);
    init_reap(command, main_fd);
}

/* Where the processes a command left are written down. */
static FILE *left_file;

/*
 * Writes process `pid` down in .amake-out/left and sends it TERM; 0 if
 * it is a zombie already, which its parent reaps.
 */
static int record_left(int pid) {
    char path[64], text[4096];
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? 0 : read(fd, text, sizeof text);
    if (fd >= 0) close(fd);
    kill(pid, SIGTERM);
    /* Without a command line: a zombie, or a process in the middle of
       exec, known then by its name. */
    if (n <= 0) {
        char state = 'Z', name[64] = "";
        snprintf(path, sizeof path, "/proc/%d/stat", pid);
        FILE *stat_file = fopen(path, "re");
        if (stat_file) {
            if (fscanf(stat_file, "%*d (%63[^)]) %c", name, &state) != 2) {
                state = 'Z';
            }
            fclose(stat_file);
        }
        if (state == 'Z' || state == 'X') return 0;
        n = (ssize_t)strlen(name);
        memcpy(text, name, (size_t)n);
    }
    while (n > 0 && text[n - 1] == '\0') n--;
    for (ssize_t i = 0; i < n; i++) {
        if (text[i] == '\0' || text[i] == '\n') text[i] = ' ';
    }
    fprintf(left_file, "%d\t%.*s\n", pid, (int)n, text);
    return 1;
}

/* What is in the namespace of the init `pid`, but the init, is written
   down and sent TERM. Returns how many. */
static int end_namespace(pid_t init) {
    char path[64];
    struct stat own, other;
    snprintf(path, sizeof path, "/proc/%d/ns/pid", (int)init);
    if (stat(path, &own)) return 0;
    DIR *proc = opendir("/proc");
    if (!proc) return 0;
    int found = 0;
    struct dirent *entry;
    while ((entry = readdir(proc))) {
        int pid = atoi(entry->d_name);
        if (pid <= 0 || pid == init) continue;
        snprintf(path, sizeof path, "/proc/%d/ns/pid", pid);
        if (stat(path, &other) || other.st_ino != own.st_ino ||
            other.st_dev != own.st_dev) {
            continue;
        }
        found += record_left(pid);
    }
    closedir(proc);
    return found;
}

struct process {
    int pid, parent;
};

static int process_order(const void *a, const void *b) {
    int x = ((const struct process *)a)->pid;
    int y = ((const struct process *)b)->pid;
    return (x > y) - (x < y);
}

/*
 * Uncontained: the runner's descendants, which it finds as their
 * subreaper, are each written down and sent TERM (`signal` 0), or sent
 * `signal`. Returns how many.
 */
static int end_descendants(int signal) {
    DIR *proc = opendir("/proc");
    if (!proc) return 0;
    struct process *all = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(proc))) {
        int pid = atoi(entry->d_name);
        if (pid <= 0) continue;
        char path[64], text[1024];
        snprintf(path, sizeof path, "/proc/%d/stat", pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t n = read(fd, text, sizeof text - 1);
        close(fd);
        if (n <= 0) continue;
        text[n] = '\0';
        /* The name in parentheses may hold anything, ')' too. */
        char *after = strrchr(text, ')'), state;
        int parent;
        if (!after || sscanf(after + 1, " %c %d", &state, &parent) != 2) {
            continue;
        }
        if (count == capacity) {
            capacity = capacity * 2 + 256;
            all = grow(all, sizeof(struct process) * capacity);
        }
        all[count++] = (struct process){pid, parent};
    }
    closedir(proc);
    qsort(all, count, sizeof(struct process), process_order);
    int self = getpid(), found = 0;
    for (size_t i = 0; i < count; i++) {
        struct process *p = &all[i];
        for (size_t depth = 0; p && p->parent != self && depth < count;
             depth++) {
            struct process key = {p->parent, 0};
            p = bsearch(&key, all, count, sizeof(struct process),
                        process_order);
        }
        if (!p || p->parent != self) continue;
        if (signal) found += kill(all[i].pid, signal) == 0;
        else found += record_left(all[i].pid);
    }
    free(all);
    return found;
}

/* Waits for child `pid` until `deadline`; whether it ended. */
static int wait_until(pid_t pid, long long deadline) {
    for (;;) {
        pid_t ended = waitpid(pid, NULL, WNOHANG);
        if (ended == pid || (ended < 0 && errno != EINTR)) return 1;
        if (now_ms() >= deadline) return 0;
        usleep(10000);
    }
}

struct result {
    int exit, signal;
    int32_t error; /* the shell could not start: why */
};

/* Contained: the command ended; what it left ends, and its namespace. */
static void end_contained(pid_t init, int main_fd, struct result *result) {
    int32_t told[2];
    ssize_t n;
    do n = read(main_fd, told, sizeof told);
    while (n < 0 && errno == EINTR);
    close(main_fd);
    if (n != (ssize_t)sizeof told) {
        /* The init is gone without a word: killed, and the command too. */
        result->signal = SIGKILL;
        kill(init, SIGKILL);
        waitpid(init, NULL, 0);
        return;
    }
    if (WIFEXITED(told[0])) result->exit = WEXITSTATUS(told[0]);
    if (WIFSIGNALED(told[0])) result->signal = WTERMSIG(told[0]);
    /* Gone between the init's look and ours: the rest ends at once. */
    if (told[1] && (end_namespace(init) == 0 ||
                    !wait_until(init, now_ms() + GRACE_MS))) {
        kill(init, SIGKILL);
    }
    /* The init ends only after every process of its namespace. */
    while (waitpid(init, NULL, 0) < 0 && errno == EINTR) {}
}

/* Uncontained: the command ended; so do all its descendants. */
static void end_uncontained(pid_t pid, struct result *result) {
    /* What loses its parent meanwhile is reaped too: fakeroot waits for
       its faked to be gone, not a zombie. */
    int status = 0;
    for (;;) {
        pid_t ended = waitpid(-1, &status, 0);
        if (ended == pid || (ended < 0 && errno == ECHILD)) break;
    }
    if (WIFEXITED(status)) result->exit = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result->signal = WTERMSIG(status);
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
    if (end_descendants(0) > 0) {
        long long deadline = now_ms() + GRACE_MS;
        while (now_ms() < deadline) {
            pid_t ended = waitpid(-1, NULL, WNOHANG);
            if (ended < 0 && errno == ECHILD) break;
            if (ended == 0) usleep(10000);
        }
    }
    /* No child left, no descendant left: whatever loses its parent
       comes to the runner. */
    for (;;) {
        end_descendants(SIGKILL);
        pid_t ended = waitpid(-1, NULL, 0);
        if (ended < 0 && errno == ECHILD) break;
    }
}

static void run_command(const struct job *job, const char *text, int out,
                        int err, struct result *result) {
    int report[2], main[2] = {-1, -1}, sync[2] = {-1, -1};
    int contained = containment != NONE;
    if (pipe2(report, O_CLOEXEC) ||
        (contained && (pipe2(main, O_CLOEXEC) || pipe2(sync, O_CLOEXEC)))) {
        result->exit = 127;
        result->error = errno;
        return;
    }
    int namespaces = namespace_flags();
    /* With a faked outside, the commands talk to it through SysV IPC:
       they keep the runner's IPC namespace, or they would hang. */
    for (char **entry = job->env; *entry; entry++) {
        if (strncmp(*entry, "FAKEROOTKEY=", 12) == 0) {
            namespaces &= ~CLONE_NEWIPC;
        }
    }
    fflush(NULL);
    pid_t pid = fork_into(namespaces);
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL);
        if (!contained) exec_command(job, text, out, err, report[1]);
        /* Killed with the runner, whatever kills it. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        wait_until_mapped(sync);
        close(main[0]);
        run_init(main[1], job, text, out, err, report[1]);
    }
    int error = errno;
    close(report[1]);
    if (contained) {
        close(main[1]);
        let_init_go(pid, sync);
    }
    if (pid < 0) {
        close(report[0]);
        if (contained) close(main[0]);
        result->exit = 127;
        result->error = error;
        return;
    }
    stoppable = pid;
    if (out_of_time) kill(pid, SIGTERM);
    if (contained) end_contained(pid, main[0], result);
    else end_uncontained(pid, result);
    stoppable = 0;
    /* A good exec closed the report; a failed one wrote its errno. */
    int32_t code;
    ssize_t n;
    do n = read(report[0], &code, sizeof code);
    while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == (ssize_t)sizeof code) result->error = code;
}

static FILE *open_out(const char *name) {
    FILE *file = fopen(name, "we");
    if (!file) fail(1, "cannot write %s: %s", name, strerror(errno));
    return file;
}

static void close_out(FILE *file, const char *name) {
    if (ferror(file) | fclose(file)) {
        fail(1, "cannot write %s: %s", name, strerror(errno));
    }
}

/* Runs the job's commands until one fails; `start` is when. */
static void run_commands(const struct job *job, struct timespec *start) {
    FILE *status = open_out(OUT "/status");
    left_file = open_out(OUT "/left");
    /* Not CLOCK_REALTIME: the kernel stamps files with the time of its
       last tick, which may be before a finer start, and a file the job
       wrote would look as if it had been given an older time. */
    clock_gettime(CLOCK_REALTIME_COARSE, start);
    for (int i = 0; i < job->command_count; i++) {
        if (out_of_time) {
            fprintf(status, "%d timeout\n", i + 1);
            break;
        }
        char out_name[64], err_name[64];
        snprintf(out_name, sizeof out_name, OUT "/out.%d", i + 1);
        snprintf(err_name, sizeof err_name, OUT "/err.%d", i + 1);
        int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
        int out = open(out_name, flags, 0644);
        if (out < 0) fail(1, "cannot write %s: %s", out_name, strerror(errno));
        int err = open(err_name, flags, 0644);
        if (err < 0) fail(1, "cannot write %s: %s", err_name, strerror(errno));
        struct result result = {0, 0, 0};
        run_command(job, job->commands[i].text, out, err, &result);
        close(out);
        close(err);
        fprintf(status, "%d %d %d\n", i + 1, result.exit, result.signal);
        if (result.error) {
            fprintf(status, "%d start-error %d\n", i + 1, (int)result.error);
        }
        fflush(left_file);
        if (out_of_time) {
            fprintf(status, "%d timeout\n", i + 1);
            break;
        }
        int failed = result.exit || result.signal || result.error;
        if (failed && !strchr(job->commands[i].options, 'i')) break;
    }
    close_out(status, OUT "/status");
    close_out(left_file, OUT "/left");
}

/* ---- The manifest, and the tree of what changed ---- */

static FILE *manifest;
static struct snapshot before, after;
/* The second snapshot's entries by device and inode. */
static struct entry **by_inode;

static void put(const char *string) {
    fputs(string, manifest);
    fputc('\0', manifest);
}

static void put_time(struct timespec time) {
    char text[64];
    snprintf(text, sizeof text, "%lld.%09ld", (long long)time.tv_sec,
             (long)time.tv_nsec);
    put(text);
}

static void put_mode(mode_t mode) {
    char text[16];
    snprintf(text, sizeof text, "%o", (unsigned)mode);
    put(text);
}

static int inode_order(const void *a, const void *b) {
    const struct entry *x = *(struct entry *const *)a;
    const struct entry *y = *(struct entry *const *)b;
    if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
    if (x->ino != y->ino) return x->ino < y->ino ? -1 : 1;
    return path_order(x->path, y->path);
}

/* The path of an entry with `dev` and `ino` after the job, or NULL: of
   hard links, the first in path order. */
static const char *path_of(unsigned long long dev, unsigned long long ino) {
    if (!by_inode) {
        by_inode = grow(NULL, sizeof(struct entry *) * after.count);
        for (size_t i = 0; i < after.count; i++) {
            by_inode[i] = &after.entries[i];
        }
        qsort(by_inode, after.count, sizeof(struct entry *), inode_order);
    }
    size_t low = 0, high = after.count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const struct entry *e = by_inode[middle];
        if ((unsigned long long)e->dev < dev ||
            ((unsigned long long)e->dev == dev &&
             (unsigned long long)e->ino < ino)) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    if (low == after.count) return NULL;
    const struct entry *e = by_inode[low];
    int same = (unsigned long long)e->dev == dev &&
               (unsigned long long)e->ino == ino;
    return same ? e->path : NULL;
}

/*
 * If the file `data` is a fakeroot state file (every line one, and at
 * least one line), its path form; else NULL. `data` is cut into lines.
 */
static struct text *path_form(char *data, size_t size, struct text *form) {
    if (size == 0) return NULL;
    char *end = data + size;
    for (char *line = data, *next; line < end; line = next + 1) {
        unsigned long long dev, ino;
        const char *rest;
        next = line_end(line, end);
        if (!state_line(line, next, &dev, &ino, &rest)) return NULL;
    }
    for (char *line = data; line < end; line += strlen(line) + 1) {
        unsigned long long dev, ino;
        const char *rest;
        char *next = line + strlen(line);
        state_line(line, next, &dev, &ino, &rest);
        const char *path = path_of(dev, ino);
        /* A line per file: a path with a newline cannot be written. */
        if (!path || strchr(path, '\n')) continue;
        add_string(form, rest);
        add(form, " ", 1);
        add_string(form, path);
        add(form, "\n", 1);
    }
    return form;
}

static char *tree_path(const char *path) {
    size_t size = strlen(TREE) + strlen(path) + 1;
    char *tree = grow(NULL, size);
    snprintf(tree, size, TREE "%s", path);
    make_parents(tree);
    return tree;
}

static void copy_file(const char *from, const char *to, mode_t mode) {
    int in = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (in < 0) fail(1, "cannot read %s: %s", from, strerror(errno));
    /* Whoever uploads the tree can read it. */
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                   (mode & 0777) | 0600);
    if (out < 0) fail(1, "cannot write %s: %s", to, strerror(errno));
    char buffer[65536];
    for (;;) {
        ssize_t n = read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(1, "cannot read %s: %s", from, strerror(errno));
        if (n == 0) break;
        if (write_all(out, buffer, (size_t)n)) {
            fail(1, "cannot write %s: %s", to, strerror(errno));
        }
    }
    close(in);
    if (close(out)) fail(1, "cannot write %s: %s", to, strerror(errno));
}

/* "C", its type, mode, time and path: what a created or changed entry
   begins with in the manifest. */
static void put_changed(const char *type, const struct entry *e) {
    put("C");
    put(type);
    put_mode(e->mode);
    put_time(e->mtime);
    put(e->path);
}

/* A file, directory or symlink the job created or changed. */
static void record_new(const struct entry *e) {
    if (e->type == 'd') {
        put_changed("d", e);
    } else if (e->type == 'l') {
        put_changed("l", e);
        put(e->target);
    } else if (e->type == 'f') {
        char *tree = tree_path(e->path);
        size_t size;
        char *data = NULL;
        /* Only what starts as fakeroot's lines is read whole. */
        char head[4] = "";
        int fd = e->size >= 4 ? open(e->path, O_RDONLY | O_CLOEXEC) : -1;
        if (fd >= 0 && read(fd, head, 4) == 4 && !memcmp(head, "dev=", 4)) {
            data = read_whole(e->path, &size);
        }
        if (fd >= 0) close(fd);
        struct text form = {0};
        if (data && path_form(data, size, &form)) {
            put("F");
            put_mode(e->mode);
            put_time(e->mtime);
            put(e->path);
            write_whole(tree, form.data ? form.data : "", form.size);
        } else {
            put_changed("f", e);
            if (link(e->path, tree)) copy_file(e->path, tree, e->mode);
        }
        free(form.data);
        free(data);
        free(tree);
    }
}

static int changed(const struct entry *old, const struct entry *new) {
    if (old->mode != new->mode) return 1;
    if (new->type == 'd') return 0;
    return old->size != new->size || old->mtime.tv_sec != new->mtime.tv_sec ||
           old->mtime.tv_nsec != new->mtime.tv_nsec || old->dev != new->dev ||
           old->ino != new->ino ||
           (new->type == 'l' && strcmp(old->target, new->target) != 0);
}

/* Past entry `i` of the first snapshot and, if a directory, all below. */
static size_t past(size_t i) {
    const char *path = before.entries[i].path;
    size_t size = strlen(path);
    int directory = before.entries[i].type == 'd';
    for (i++; directory && i < before.count; i++) {
        const char *other = before.entries[i].path;
        if (strncmp(other, path, size) != 0 || other[size] != '/') break;
    }
    return i;
}

static void write_manifest(struct timespec start) {
    if (mkdir(OUT "/tree", 0755) && errno != EEXIST) {
        fail(1, "cannot create " OUT "/tree: %s", strerror(errno));
    }
    manifest = open_out(OUT "/manifest");
    put("amake-manifest-1");
    put("S");
    put_time(start);
    size_t i = 0, j = 0;
    while (i < before.count || j < after.count) {
        int order = i == before.count  ? 1
                    : j == after.count ? -1
                                       : path_order(before.entries[i].path,
                                                    after.entries[j].path);
        if (order < 0) {
            put("D");
            put(before.entries[i].path);
            i = past(i);
        } else if (order > 0) {
            record_new(&after.entries[j++]);
        } else {
            const struct entry *old = &before.entries[i];
            const struct entry *new = &after.entries[j];
            if (old->type != new->type) {
                put("D");
                put(old->path);
                record_new(new);
                i = past(i);
            } else {
                if (changed(old, new)) record_new(new);
                i++;
            }
            j++;
        }
    }
    close_out(manifest, OUT "/manifest");
}

/* ---- A temporary directory, where the worker's /tmp is read-only ---- */

#define TEMPORARY OUT "/tmp"

/*
 * A sandboxing worker (Bazel's linux-sandbox) may mount / read-only, and
 * /tmp with it: programs that make temporary files there (dpkg-deb, sort,
 * mktemp) fail. A job that sets no TMPDIR then gets one of its own below
 * OUT, which nothing records and which is gone when the job is.
 */
static int provide_temporary_directory(struct job *job) {
    int count = 0;
    for (; job->env[count]; count++) {
        if (strncmp(job->env[count], "TMPDIR=", 7) == 0) return 0;
    }
    if (access("/tmp", W_OK) == 0) return 0;
    if (mkdir(TEMPORARY, 0700) && errno != EEXIST) {
        fail(1, "cannot create " TEMPORARY ": %s", strerror(errno));
    }
    char *here = getcwd(NULL, 0);
    if (!here) fail(1, "cannot tell the exec root: %s", strerror(errno));
    size_t size = strlen("TMPDIR=/" TEMPORARY) + strlen(here) + 1;
    char *setting = grow(NULL, size);
    snprintf(setting, size, "TMPDIR=%s/" TEMPORARY, here);
    free(here);
    job->env = grow(job->env, sizeof(char *) * (size_t)(count + 2));
    job->env[count] = setting;
    job->env[count + 1] = NULL;
    return 1;
}

/* For nftw, deepest first: removes one entry of the temporary directory. */
static int remove_entry(const char *path, const struct stat *st, int type,
                        struct FTW *walk) {
    (void)st, (void)type, (void)walk;
    remove(path);
    return 0;
}

/* ---- The bundle: the small outputs, as one file ---- */

/* Files up to this size go into the bundle; larger ones stay in the tree. */
enum { BUNDLE_LIMIT = 1 << 20 };

/*
 * Moves every regular file below OUT/`name` (a path relative to OUT, ""
 * for OUT itself) of at most BUNDLE_LIMIT bytes into `bundle`, and removes
 * the directories left empty. Returns whether `name` is gone.
 */
static int bundle_below(FILE *bundle, const char *name) {
    size_t size = strlen(OUT) + strlen(name) + 2;
    char *path = grow(NULL, size);
    snprintf(path, size, "%s%s%s", OUT, *name ? "/" : "", name);
    DIR *dir = opendir(path);
    if (!dir) fail(1, "cannot read %s: %s", path, strerror(errno));
    int empty = 1;
    struct dirent *each;
    while ((each = readdir(dir))) {
        const char *base = each->d_name;
        if (!strcmp(base, ".") || !strcmp(base, "..")) continue;
        if (!*name && !strcmp(base, "bundle")) continue;
        size_t child_size = strlen(name) + strlen(base) + 2;
        char *child = grow(NULL, child_size);
        snprintf(child, child_size, "%s%s%s", name, *name ? "/" : "", base);
        size_t full_size = strlen(OUT) + child_size + 1;
        char *full = grow(NULL, full_size);
        snprintf(full, full_size, OUT "/%s", child);
        struct stat st;
        if (lstat(full, &st)) {
            fail(1, "cannot read %s: %s", full, strerror(errno));
        }
        if (S_ISDIR(st.st_mode)) {
            if (!bundle_below(bundle, child)) empty = 0;
        } else if (S_ISREG(st.st_mode) && st.st_size <= BUNDLE_LIMIT) {
            size_t length;
            char *data = read_whole(full, &length);
            fprintf(bundle, "B%c%s%c%zu%c", 0, child, 0, length, 0);
            if (length) fwrite(data, 1, length, bundle);
            fputc('\0', bundle);
            free(data);
            if (unlink(full)) {
                fail(1, "cannot remove %s: %s", full, strerror(errno));
            }
        } else {
            empty = 0;
        }
        free(full);
        free(child);
    }
    closedir(dir);
    int gone = *name && empty && rmdir(path) == 0;
    free(path);
    return gone;
}

static void write_bundle(void) {
    FILE *bundle = open_out(OUT "/bundle");
    fprintf(bundle, "amake-bundle-1%c", 0);
    bundle_below(bundle, "");
    close_out(bundle, OUT "/bundle");
}

int main(int argc, char **argv) {
    /* Descriptors 0 to 2 are open: none of the runner's own files takes
       their place, to be replaced in a command by its streams. */
    int fd;
    while ((fd = open("/dev/null", O_RDWR)) >= 0 && fd < 3) {}
    if (fd >= 0) close(fd);
    const char *forced = getenv("AMAKE_CONTAINMENT");
    if (!forced || strcmp(forced, "none") != 0) probe();
    if (argc == 2 && strcmp(argv[1], "--probe") == 0) {
        const char *names[] = {"none", "pid and IPC namespaces",
                               "user, pid and IPC namespaces"};
        printf("%s\n", names[containment]);
        return 0;
    }
    if (argc != 2 && argc != 3) fail(2, "usage: runner JOB-FILE [SECONDS]");
    double seconds = 0;
    if (argc == 3) {
        char *end;
        seconds = strtod(argv[2], &end);
        if (*end || seconds < 0) {
            fail(2, "%s: not a number of seconds", argv[2]);
        }
    }
    struct job job;
    read_job(argv[1], &job);
    /* Processes that lose their parent come here, not to init. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    struct stat st;
    if (mkdir(OUT, 0755) && errno != EEXIST) {
        fail(1, "cannot create " OUT ": %s", strerror(errno));
    }
    if (stat(OUT, &st) || !S_ISDIR(st.st_mode)) {
        fail(1, "cannot create " OUT ": it is there, not a directory");
    }
    for (int i = 0; i < job.state_count; i++) write_state(&job.states[i]);
    int temporary = provide_temporary_directory(&job);
    take_snapshot(&before);
    struct timespec start;
    limit_time(seconds);
    run_commands(&job, &start);
    alarm(0);
    setitimer(ITIMER_REAL, &(struct itimerval){0}, NULL);
    take_snapshot(&after);
    write_manifest(start);
    if (temporary) nftw(TEMPORARY, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    write_bundle();
    return 0;
}
