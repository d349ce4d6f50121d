/*
 * amake-spawner: starts the commands of amake's jobs, and ends all of them.
 *
 * Node.js starts a process with fork(), whose cost grows with the memory
 * of the process that forks: in a large build amake spent more time
 * forking than its jobs took. This small helper forks instead.
 *
 * It also contains each command. Where the kernel allows it (root, or an
 * unprivileged user namespace), a command runs in a PID namespace and an
 * IPC namespace of its own, under a small init. When the command's main
 * process ends, whatever it left behind (a daemon that called setsid(),
 * as fakeroot's faked does) is still in the namespace: each such process
 * is reported, sent TERM, and after a grace period the namespace is ended
 * with KILL. SysV IPC objects go with the IPC namespace. A namespace
 * whose command left nothing in it serves a later command. Where
 * namespaces are not allowed, commands run uncontained, and `--probe`
 * says so.
 *
 * amake sends requests on the helper's standard input and reads what
 * happened on its standard output, both as frames:
 *
 *   request:  u32 size, u32 id, u8 flags, then NUL-terminated strings:
 *             directory, argument count, arguments..., environment...
 *   reply:    u32 id, u8 kind, u32 size, payload
 *             1: output (stdout)        2: output (stderr)
 *             3: started (i32 pid: the init's, when contained)
 *             4: ended (i32 exit code, i32 signal)
 *             5: could not start (i32 errno)
 *             6: left behind (i32 pid, then its command line)
 *   flags:    1 capture output, 2 own process group, 4 jobserver,
 *             8 keep what it leaves until amake is done (fakeroot's daemon
 *             mode), 16 no IPC namespace of its own, 32 standard error
 *             captured with standard output, in one pipe
 *
 * Numbers are in the machine's byte order: both ends run on one machine.
 * Descriptors it inherits from amake: 3 amake's standard output, 4 its
 * standard input, 5 the jobserver's pipe (or /dev/null).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "namespaces.h"

enum {
    CAPTURE = 1, OWN_GROUP = 2, JOBSERVER = 4, KEEP = 8, SHARED_IPC = 16,
    MERGE = 32,
};
enum { OUT = 1, ERR = 2, STARTED = 3, ENDED = 4, FAILED = 5, LEFT = 6 };
enum { MAX_JOBS = 1024 };
/* How long what a command left behind has between TERM and KILL. */
enum { GRACE_MS = 1000 };

struct job {
    uint32_t id;
    pid_t pid;        /* the command, or its init; 0: slot free */
    int out, err;     /* pipes read for a captured job, or -1 */
    int report;       /* tells why exec failed; closed by a good exec */
    int32_t error;    /* exec's errno, if it failed */
    int main_fd;      /* contained: the init tells how the command ended */
    int main_ended;   /* contained: the command's main process ended */
    int main_status;
    long long deadline; /* contained: when to KILL what it left, or 0 */
    int pooled;       /* contained: its init serves one job after another */
    int keep;         /* what it leaves lives until amake is done */
    int kept;         /* its command ended; its daemons live on */
};

static struct job jobs[MAX_JOBS];
/* The slots ever used: the loops over the jobs look no further. */
static int slots;
static int wake[2];   /* written by the SIGCHLD handler */
extern char **environ;

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void write_all(int fd, const void *data, size_t size) {
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) _exit(2); /* amake is gone */
        p += n;
        size -= (size_t)n;
    }
}

/* One write a reply, that amake wakes once for it. */
static void reply(uint32_t id, uint8_t kind, const void *data, uint32_t size) {
    static char frame[9 + 65536];
    memcpy(frame, &id, 4);
    frame[4] = (char)kind;
    memcpy(frame + 5, &size, 4);
    if (size > sizeof frame - 9) {
        write_all(1, frame, 9);
        write_all(1, data, size);
        return;
    }
    memcpy(frame + 9, data, size);
    write_all(1, frame, 9 + size);
}

static int read_all(int fd, void *data, size_t size) {
    char *p = data;
    while (size > 0) {
        ssize_t n = read(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

static void on_child(int sig) {
    (void)sig;
    int saved = errno;
    (void)!write(wake[1], "", 1);
    errno = saved;
}

/*
 * In the child: the command's streams, directory and program. The child
 * comes from vfork(): it shares the memory of its parent until it execs,
 * so it allocates nothing, and its parent sets `environ` back.
 */
static void exec_command(uint8_t flags, int out, int err, int report,
                         const char *directory, char **args, char **env) {
    if (flags & OWN_GROUP) setpgid(0, 0);
    if (flags & CAPTURE) {
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        dup2(out, 1);
        dup2((flags & MERGE) ? out : err, 2);
    } else {
        dup2(4, 0);
        dup2(3, 1);
    }
    if (flags & JOBSERVER) {
        dup2(5, 3);
        dup2(5, 4);
    } else {
        close(3);
        close(4);
    }
    close_from(5, report);
    if (chdir(directory) == 0) {
        environ = env;
        execvp(args[0], args);
    }
    int32_t code = errno;
    write_all(report, &code, sizeof code);
    _exit(127);
}

/*
 * The init of a contained command's namespace: it starts the command,
 * reaps every process of the namespace, says how the command ended and
 * whether anything is left, and ends when nothing is.
 */
/*
 * fakeroot's chown fails with EINVAL in a user namespace, where the ids
 * it would set are not mapped, unless told not to try.
 */
static char **environment_in_namespace(char **env) {
    if (containment != USER_NAMESPACES) return env;
    size_t count = 0;
    while (env[count]) count++;
    char **more = malloc(sizeof(char *) * (count + 2));
    memcpy(more, env, sizeof(char *) * count);
    more[count] = "FAKEROOTDONTTRYCHOWN=1";
    more[count + 1] = NULL;
    return more;
}

/* The init starts the command. */
static pid_t start_command(int main_fd, uint8_t flags, int out, int err,
                           int report, const char *directory, char **args,
                           char **env) {
    pid_t command = vfork();
    if (command == 0) {
        close(main_fd);
        exec_command(flags, out, err, report, directory, args, env);
    }
    return command;
}

static void run_init(int main_fd, uint8_t flags, int out, int err, int report,
                     const char *directory, char **args, char **env) {
    pid_t command = start_command(main_fd, flags, out, err, report, directory,
                                  args, environment_in_namespace(env));
    /* The init keeps no stream open: EOF on them is the command's. */
    if (out >= 0) close(out);
    if (err >= 0) close(err);
    close(report);
    close_from(0, main_fd);
    init_reap(command, main_fd);
}

/*
 * Pooled inits. Making a PID and an IPC namespace, and the init in them,
 * was most of what containing a job cost. An init whose command ended
 * clean, leaving no process and no SysV IPC object behind, is as good as
 * new: it waits, in the pool, for the next job's command. Any other ends
 * as before, and its namespaces with it. The helper and an init talk
 * over a socket: a command goes as its request (flags, then the strings)
 * with its streams' descriptors; its end comes back as three numbers,
 * the wait status, whether anything is left, and whether the init can
 * serve again.
 */
enum { POOL_MAX = MAX_JOBS };
static struct { pid_t pid; int control; } pool[POOL_MAX];
static int pool_size;

/* Whether the caller's IPC namespace holds a SysV IPC object. */
static int ipc_objects_exist(void) {
    const char *files[] = {"/proc/sysvipc/msg", "/proc/sysvipc/sem",
                           "/proc/sysvipc/shm"};
    for (int i = 0; i < 3; i++) {
        int fd = open(files[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) return 1; /* cannot tell: not reused */
        char text[4096];
        ssize_t n = read(fd, text, sizeof text);
        close(fd);
        int lines = 0;
        for (ssize_t k = 0; k < n; k++) lines += text[k] == '\n';
        /* A line of headings, then one for each object. */
        if (n < 0 || lines > 1) return 1;
    }
    return 0;
}

/* Sends a command to a pooled init; 0 if it went. */
static int send_command(int control, const char *body, uint32_t size,
                        const int *fds, int count) {
    char space[CMSG_SPACE(sizeof(int) * 3)];
    memset(space, 0, sizeof space);
    struct iovec head = {.iov_base = &size, .iov_len = sizeof size};
    struct msghdr message = {.msg_iov = &head, .msg_iovlen = 1};
    message.msg_control = space;
    message.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)count);
    struct cmsghdr *rights = CMSG_FIRSTHDR(&message);
    rights->cmsg_level = SOL_SOCKET;
    rights->cmsg_type = SCM_RIGHTS;
    rights->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)count);
    memcpy(CMSG_DATA(rights), fds, sizeof(int) * (size_t)count);
    ssize_t n;
    do n = sendmsg(control, &message, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)sizeof size) return -1;
    while (size > 0) {
        n = send(control, body, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        body += n;
        size -= (uint32_t)n;
    }
    return 0;
}

/* In a pooled init: the next command, or -1 once the helper is done. */
static int receive_command(int control, char **body, uint32_t *size,
                           int *fds) {
    char space[CMSG_SPACE(sizeof(int) * 3)];
    struct iovec head = {.iov_base = size, .iov_len = sizeof *size};
    struct msghdr message = {.msg_iov = &head, .msg_iovlen = 1};
    message.msg_control = space;
    message.msg_controllen = sizeof space;
    ssize_t n;
    do n = recvmsg(control, &message, MSG_CMSG_CLOEXEC | MSG_WAITALL);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)sizeof *size) return -1;
    fds[0] = fds[1] = fds[2] = -1;
    struct cmsghdr *rights = CMSG_FIRSTHDR(&message);
    if (rights && rights->cmsg_type == SCM_RIGHTS) {
        size_t count = (rights->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        memcpy(fds, CMSG_DATA(rights), sizeof(int) * (count < 3 ? count : 3));
    }
    *body = malloc(*size + 1);
    if (!*body || read_all(control, *body, *size)) return -1;
    return 0;
}

/* The strings of a request: directory, count, arguments..., environment. */
struct command_line {
    const char *directory;
    char **strings, **args, **env;
};

static void parse_command(char *p, char *end, struct command_line *line) {
    line->strings = malloc(sizeof(char *) * ((size_t)(end - p) + 1));
    int count = 0;
    while (p < end) {
        line->strings[count++] = p;
        p += strlen(p) + 1;
    }
    line->strings[count] = NULL;
    line->directory = line->strings[0];
    int argc = atoi(line->strings[1]);
    line->args = malloc(sizeof(char *) * (size_t)(argc + 1));
    for (int i = 0; i < argc; i++) line->args[i] = line->strings[2 + i];
    line->args[argc] = NULL;
    line->env = &line->strings[2 + argc];
}

static void free_command(struct command_line *line) {
    free(line->strings);
    free(line->args);
}

/*
 * A pooled init's life: command after command, until one leaves
 * something behind, or the helper is done. It keeps amake's standard
 * error, output and input (2, 3, 4) and the jobserver's pipe (5) for the
 * commands to come.
 */
static void serve_commands(int control) {
    for (;;) {
        char *body;
        uint32_t size;
        int fds[3]; /* report, then output and error when captured */
        if (receive_command(control, &body, &size, fds)) _exit(0);
        uint8_t flags = (uint8_t)body[0];
        struct command_line line;
        parse_command(body + 1, body + size, &line);
        char **env = environment_in_namespace(line.env);
        pid_t command = start_command(control, flags, fds[1], fds[2], fds[0],
                                      line.directory, line.args, env);
        for (int i = 0; i < 3; i++) {
            if (fds[i] >= 0) close(fds[i]);
        }
        if (env != line.env) free(env);
        free_command(&line);
        free(body);
        int status = 0;
        for (;;) {
            pid_t pid = waitpid(-1, &status, 0);
            if (pid < 0 && errno == EINTR) continue;
            if (pid < 0 || pid == command) break;
        }
        pid_t left;
        while ((left = waitpid(-1, NULL, WNOHANG)) > 0) {}
        int32_t told[3] = {status, left == 0, 0};
        told[2] = !told[1] && !ipc_objects_exist();
        while (write(control, told, sizeof told) < 0 && errno == EINTR) {}
        if (told[2]) continue;
        /* Done serving: what is left is reaped until nothing is. */
        close(control);
        while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {}
        _exit(0);
    }
}

/* In a child: signals as a new program finds them, none blocked. */
static void signals_as_default(void) {
    signal(SIGCHLD, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* A new pooled init, or -1; its socket in `control`. */
static pid_t new_pooled_init(int *control) {
    int pair[2], sync[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair)) return -1;
    if (pipe2(sync, O_CLOEXEC)) {
        close(pair[0]);
        close(pair[1]);
        return -1;
    }
    pid_t pid = fork_into(namespace_flags());
    if (pid == 0) {
        signals_as_default();
        /* Killed with the helper, whatever kills it. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        wait_until_mapped(sync);
        /* Input and output are /dev/null here, so that the descriptors a
           command comes with are numbered above those it is given. */
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        close_from(6, pair[1]);
        serve_commands(pair[1]);
    }
    close(pair[1]);
    let_init_go(pid, sync);
    if (pid < 0) {
        close(pair[0]);
        return -1;
    }
    *control = pair[0];
    return pid;
}

/* A job's pipes: its report, and its output and error if captured. */
static int open_pipes(uint8_t flags, int out[2], int err[2], int report[2]) {
    out[0] = out[1] = err[0] = err[1] = report[0] = report[1] = -1;
    if (pipe2(report, O_CLOEXEC) == 0 &&
        (!(flags & CAPTURE) ||
         (pipe2(out, O_CLOEXEC) == 0 && pipe2(err, O_CLOEXEC) == 0))) {
        return 0;
    }
    int error = errno;
    int *all[] = {out, err, report};
    for (int i = 0; i < 3; i++) {
        if (all[i][0] >= 0) close(all[i][0]);
        if (all[i][1] >= 0) close(all[i][1]);
    }
    errno = error;
    return -1;
}

/* Tells amake that `job` started; its pipes are read as they fill. */
static void job_started(struct job *job) {
    fcntl(job->report, F_SETFL, O_NONBLOCK);
    if (job->out >= 0) {
        fcntl(job->out, F_SETFL, O_NONBLOCK);
        fcntl(job->err, F_SETFL, O_NONBLOCK);
    }
    int32_t started = job->pid;
    reply(job->id, STARTED, &started, sizeof started);
}

/* Starts a job's command through a pooled init; 0 if it started. */
static int start_pooled(struct job *job, uint32_t id, uint8_t flags,
                        char *request, uint32_t size) {
    int out[2], err[2], report[2];
    if (open_pipes(flags, out, err, report)) return -1;
    int fds[3] = {report[1], out[1], err[1]};
    int count = (flags & CAPTURE) ? 3 : 1;
    pid_t pid = -1;
    int control = -1;
    /* An init of the pool, or a new one if the pool's cannot take it. */
    while (pid < 0) {
        if (pool_size > 0) {
            pool_size--;
            pid = pool[pool_size].pid;
            control = pool[pool_size].control;
        } else {
            pid = new_pooled_init(&control);
            if (pid < 0) break;
        }
        if (!send_command(control, request + 4, size - 4, fds, count)) break;
        kill(pid, SIGKILL); /* reaped as a stranger */
        close(control);
        pid = -1;
    }
    int32_t error = errno;
    for (int i = 0; i < count; i++) close(fds[i]);
    if (pid < 0) {
        close(report[0]);
        if (flags & CAPTURE) {
            close(out[0]);
            close(err[0]);
        }
        errno = error;
        return -1;
    }
    *job = (struct job){
        .id = id,
        .pid = pid,
        .out = out[0],
        .err = err[0],
        .report = report[0],
        .main_fd = control,
        .pooled = 1,
    };
    job_started(job);
    return 0;
}

static void start_job(char *request, uint32_t size, char ***to_free) {
    uint32_t id;
    memcpy(&id, request, 4);
    uint8_t flags = (uint8_t)request[4];
    struct command_line line;
    parse_command(request + 5, request + size, &line);
    const char *directory = line.directory;
    char **args = line.args, **env = line.env;
    to_free[0] = line.strings;
    to_free[1] = line.args;

    struct job *job = NULL;
    for (int i = 0; i < MAX_JOBS && !job; i++) {
        if (jobs[i].pid == 0 && jobs[i].out < 0 && jobs[i].err < 0) {
            job = &jobs[i];
            if (i >= slots) slots = i + 1;
        }
    }
    int32_t error = EAGAIN;
    if (!job) {
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    int contained = containment != NONE;
    int namespaces = namespace_flags();
    if (flags & SHARED_IPC) namespaces &= ~CLONE_NEWIPC;
    /* Under `fakeroot amake` the commands talk to a faked outside through
       SysV IPC: they keep amake's IPC namespace, or they would hang. */
    for (char **entry = env; *entry; entry++) {
        if (strncmp(*entry, "FAKEROOTKEY=", 12) == 0) namespaces &= ~CLONE_NEWIPC;
    }
    /* A job whose daemons are kept, or that shares amake's IPC namespace,
       has an init of its own. */
    if (contained && namespaces == namespace_flags() && !(flags & KEEP)) {
        if (start_pooled(job, id, flags, request, size)) {
            error = errno;
            reply(id, FAILED, &error, sizeof error);
        }
        return;
    }
    int out[2], err[2], report[2], main[2] = {-1, -1}, sync[2] = {-1, -1};
    if (open_pipes(flags, out, err, report)) {
        error = errno;
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    if (contained && (pipe2(main, O_CLOEXEC) || pipe2(sync, O_CLOEXEC))) {
        error = errno;
        int *all[] = {out, err, report, main};
        for (int i = 0; i < 4; i++) {
            if (all[i][0] >= 0) close(all[i][0]);
            if (all[i][1] >= 0) close(all[i][1]);
        }
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    /* Uncontained, the command comes from vfork(): nothing of the
       helper's memory is copied for a child that only execs. No handler
       of the helper's runs in the child: signals wait until it is gone. */
    char **own_environ = environ;
    sigset_t all, before;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &before);
    pid_t pid = contained ? fork_into(namespaces) : vfork();
    if (pid == 0) {
        signals_as_default();
        if (!contained) {
            exec_command(flags, out[1], err[1], report[1], directory, args, env);
        }
        /* Killed with the helper, whatever kills it. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        wait_until_mapped(sync);
        close(main[0]);
        run_init(main[1], flags, out[1], err[1], report[1], directory, args,
                 env);
    }
    environ = own_environ;
    sigprocmask(SIG_SETMASK, &before, NULL);
    close(report[1]);
    if (flags & CAPTURE) {
        close(out[1]);
        close(err[1]);
    }
    if (contained) {
        close(main[1]);
        let_init_go(pid, sync);
    }
    if (pid < 0) {
        error = errno;
        close(report[0]);
        if (flags & CAPTURE) {
            close(out[0]);
            close(err[0]);
        }
        if (contained) close(main[0]);
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    /* Not waited for: a failed exec is told when the child is reaped. */
    *job = (struct job){
        .id = id,
        .pid = pid,
        .out = out[0],
        .err = err[0],
        .report = report[0],
        .main_fd = contained ? main[0] : -1,
        .keep = contained && (flags & KEEP),
    };
    job_started(job);
}

static void start(char *request, uint32_t size) {
    char **to_free[2] = {NULL, NULL};
    start_job(request, size, to_free);
    free(to_free[0]);
    free(to_free[1]);
}

/* Reads what a pipe holds now; closes it at its end. */
static void drain(struct job *job, int *fd, uint8_t kind) {
    char buffer[65536];
    while (*fd >= 0) {
        ssize_t n = read(*fd, buffer, sizeof buffer);
        if (n > 0) {
            reply(job->id, kind, buffer, (uint32_t)n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        close(*fd);
        *fd = -1;
    }
}

/* Reads why exec failed, if the child wrote it before it ended. */
static void read_report(struct job *job) {
    if (job->report < 0) return;
    int32_t code;
    ssize_t n;
    do n = read(job->report, &code, sizeof code);
    while (n < 0 && errno == EINTR);
    if (n == (ssize_t)sizeof code) job->error = code;
    if (n == 0 || n == (ssize_t)sizeof code) {
        close(job->report);
        job->report = -1;
    }
}

/*
 * The processes in the namespace of the init `pid`, but the init: each is
 * reported with its command line and sent TERM. Returns how many.
 */
static int end_leftovers(struct job *job) {
    char path[64];
    struct stat own, other;
    snprintf(path, sizeof path, "/proc/%d/ns/pid", (int)job->pid);
    if (stat(path, &own)) return 0;
    DIR *proc = opendir("/proc");
    if (!proc) return 0;
    int found = 0;
    struct dirent *entry;
    while ((entry = readdir(proc))) {
        int pid = atoi(entry->d_name);
        if (pid <= 0 || pid == job->pid) continue;
        snprintf(path, sizeof path, "/proc/%d/ns/pid", pid);
        if (stat(path, &other) || other.st_ino != own.st_ino ||
            other.st_dev != own.st_dev) {
            continue;
        }
        char text[4096 + 4];
        int32_t number = pid;
        memcpy(text, &number, 4);
        snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        ssize_t n = fd < 0 ? 0 : read(fd, text + 4, 4096);
        if (fd >= 0) close(fd);
        kill(pid, SIGTERM);
        /* Without a command line: a zombie, which its init reaps, or a
           process in the middle of exec, known then by its name. */
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
            if (state == 'Z' || state == 'X') continue;
            n = (ssize_t)strlen(name);
            memcpy(text + 4, name, (size_t)n);
        }
        reply(job->id, LEFT, text, (uint32_t)(4 + n));
        found++;
    }
    closedir(proc);
    return found;
}

/* The init says the command ended, and whether it left anything. */
static void report_end(struct job *job, int status);

/* Passes on what is in the job's pipes, and closes them. */
static void drain_all(struct job *job) {
    drain(job, &job->out, OUT);
    drain(job, &job->err, ERR);
    if (job->out >= 0) close(job->out);
    if (job->err >= 0) close(job->err);
    job->out = job->err = -1;
}

static void main_ended(struct job *job) {
    /* The wait status, whether anything is left, and (pooled) whether
       the init can serve again. */
    int32_t told[3] = {0, 0, 0};
    size_t size = job->pooled ? sizeof told : 2 * sizeof told[0];
    int told_all = read_all(job->main_fd, told, size) == 0;
    if (told_all && told[2]) {
        /* Nothing is left: its streams are at their end. */
        drain_all(job);
        report_end(job, told[0]);
        if (pool_size < POOL_MAX) {
            pool[pool_size].pid = job->pid;
            pool[pool_size].control = job->main_fd;
            pool_size++;
        } else {
            close(job->main_fd);
        }
        *job = (struct job){.out = -1, .err = -1, .report = -1, .main_fd = -1};
        return;
    }
    if (told_all) {
        job->main_ended = 1;
        job->main_status = told[0];
        if (told[1] && job->keep) {
            /* Its daemons live on, until amake is done: the job is. */
            drain_all(job);
            report_end(job, told[0]);
            job->kept = 1;
        } else if (told[1] && end_leftovers(job) > 0) {
            job->deadline = now_ms() + GRACE_MS;
        } else if (told[1]) {
            /* Gone between the init's look and ours: end the rest. */
            kill(job->pid, SIGKILL);
        }
    }
    close(job->main_fd);
    job->main_fd = -1;
}

/* Tells amake how the job's command ended, or why it could not start. */
static void report_end(struct job *job, int status) {
    read_report(job);
    if (job->report >= 0) close(job->report);
    job->report = -1;
    if (job->error) {
        reply(job->id, FAILED, &job->error, sizeof job->error);
        return;
    }
    int32_t result[2] = {0, 0};
    if (WIFEXITED(status)) result[0] = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result[1] = WTERMSIG(status);
    reply(job->id, ENDED, result, sizeof result);
}

static void finish(struct job *job, int status) {
    if (job->main_fd >= 0) main_ended(job);
    if (job->main_ended) status = job->main_status;
    if (!job->kept) report_end(job, status);
    job->pid = 0;
    job->deadline = 0;
    job->kept = 0;
}

static void reap(void) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        /* An init of the pool that was killed, or told to end. */
        for (int i = 0; i < pool_size; i++) {
            if (pool[i].pid != pid) continue;
            close(pool[i].control);
            pool[i] = pool[--pool_size];
            break;
        }
        for (int i = 0; i < slots; i++) {
            struct job *job = &jobs[i];
            if (job->pid != pid) continue;
            /* Its output is all in the pipes now, unless a process it
               left writes on: that is not waited for. */
            drain_all(job);
            finish(job, status);
        }
    }
}

/* What the grace period allowed is over: the namespaces end. */
static int end_overdue(void) {
    long long now = now_ms(), next = -1;
    for (int i = 0; i < slots; i++) {
        struct job *job = &jobs[i];
        if (job->pid == 0 || job->deadline == 0) continue;
        if (job->deadline <= now) {
            kill(job->pid, SIGKILL);
            job->deadline = 0;
            continue;
        }
        long long left = job->deadline - now;
        if (next < 0 || left < next) next = left;
    }
    return (int)next;
}

/*
 * amake is gone, or done: so is every job. The helper waits until each
 * has ended, and a contained job's init ends only after every process of
 * its namespace: once the helper has exited, nothing of the jobs holds
 * the workspace.
 */
static void end_all(void) {
    /* The daemons kept for the build are told first, and given the grace
       period: faked writes its state and removes its IPC objects. */
    int kept = 0;
    for (int i = 0; i < slots; i++) {
        if (jobs[i].pid > 0 && jobs[i].kept) kept += end_leftovers(&jobs[i]);
    }
    for (long long until = now_ms() + GRACE_MS; kept > 0 && now_ms() < until;) {
        int alive = 0;
        for (int i = 0; i < slots; i++) {
            struct job *job = &jobs[i];
            if (job->pid <= 0 || !job->kept) continue;
            if (waitpid(job->pid, NULL, WNOHANG) == job->pid) job->pid = 0;
            else alive++;
        }
        if (alive == 0) break;
        usleep(10000);
    }
    for (int i = 0; i < slots; i++) {
        if (jobs[i].pid > 0) kill(jobs[i].pid, SIGKILL);
    }
    for (int i = 0; i < slots; i++) {
        if (jobs[i].pid > 0) waitpid(jobs[i].pid, NULL, 0);
    }
    /* The inits of the pool serve no more. */
    for (int i = 0; i < pool_size; i++) kill(pool[i].pid, SIGKILL);
    for (int i = 0; i < pool_size; i++) waitpid(pool[i].pid, NULL, 0);
    pool_size = 0;
}

/* Whether a job has not ended, or its namespace not. */
static int running(void) {
    for (int i = 0; i < slots; i++) {
        if (jobs[i].pid > 0) return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    /* AMAKE_CONTAINMENT=none turns containment off: to measure its cost. */
    const char *forced = getenv("AMAKE_CONTAINMENT");
    if (!forced || strcmp(forced, "none") != 0) probe();
    if (argc > 1 && strcmp(argv[1], "--probe") == 0) {
        const char *names[] = {"none", "pid and IPC namespaces",
                               "user, pid and IPC namespaces"};
        printf("%s\n", names[containment]);
        return 0;
    }
    /* --once: the jobs of the requests amake wrote before it closed the
       helper's input run to their end, and their namespaces' too, before
       the helper ends. That is how $(shell) runs contained. */
    int once = argc > 1 && strcmp(argv[1], "--once") == 0;
    for (int i = 0; i < MAX_JOBS; i++) {
        jobs[i].out = jobs[i].err = jobs[i].report = jobs[i].main_fd = -1;
    }
    /* Processes that lose their parent come here, not to init. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (pipe2(wake, O_CLOEXEC | O_NONBLOCK)) return 2;
    struct sigaction action = {0};
    action.sa_handler = on_child;
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &action, NULL);
    signal(SIGPIPE, SIG_IGN);

    size_t capacity = 1 << 16;
    char *request = malloc(capacity);
    struct pollfd fds[2 + 3 * MAX_JOBS];
    struct job *owners[2 + 3 * MAX_JOBS];
    int reading = 1;
    for (;;) {
        if (!reading && !running()) {
            end_all();
            return 0;
        }
        int n = 0;
        fds[n++] = (struct pollfd){.fd = reading ? 0 : -1, .events = POLLIN};
        fds[n++] = (struct pollfd){.fd = wake[0], .events = POLLIN};
        for (int i = 0; i < slots; i++) {
            int own[3] = {jobs[i].out, jobs[i].err, jobs[i].main_fd};
            for (int k = 0; k < 3; k++) {
                if (own[k] < 0) continue;
                owners[n] = &jobs[i];
                fds[n++] = (struct pollfd){.fd = own[k], .events = POLLIN};
            }
        }
        if (poll(fds, (nfds_t)n, end_overdue()) < 0) {
            if (errno == EINTR) continue;
            end_all();
            return 2;
        }
        for (int i = 2; i < n; i++) {
            if (!fds[i].revents) continue;
            struct job *job = owners[i];
            if (fds[i].fd == job->out) drain(job, &job->out, OUT);
            else if (fds[i].fd == job->err) drain(job, &job->err, ERR);
            else if (fds[i].fd == job->main_fd) main_ended(job);
        }
        if (fds[1].revents) {
            char buffer[64];
            while (read(wake[0], buffer, sizeof buffer) > 0) {}
            reap();
        }
        if (fds[0].revents) {
            uint32_t size;
            if (read_all(0, &size, 4) ||
                (size > capacity && !(request = realloc(request, capacity = size))) ||
                read_all(0, request, size)) {
                reading = 0;
                if (once) continue;
                end_all(); /* amake is done, or gone */
                return 0;
            }
            start(request, size);
        }
    }
}
