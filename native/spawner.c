/*
 * amake-spawner: starts the commands of amake's jobs.
 *
 * Node.js starts a process with fork(), whose cost grows with the memory
 * of the process that forks: in a large build amake spends more time
 * forking than its jobs take. This small helper forks instead. amake sends
 * it requests on its standard input and reads what happened on its
 * standard output, both as frames:
 *
 *   request:  u32 size, u32 id, u8 flags, then NUL-terminated strings:
 *             directory, argument count, arguments..., environment...
 *   reply:    u32 id, u8 kind, u32 size, payload
 *             kind 1: output (stdout), 2: output (stderr),
 *             3: started (i32 pid), 4: ended (i32 exit code, i32 signal),
 *             5: could not start (i32 errno)
 *
 * Numbers are in the machine's byte order: both ends run on one machine.
 * Descriptors it inherits from amake: 3 amake's standard output, 4 its
 * standard input, 5 the jobserver's pipe (or /dev/null).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { CAPTURE = 1, OWN_GROUP = 2, JOBSERVER = 4 };
enum { OUT = 1, ERR = 2, STARTED = 3, ENDED = 4, FAILED = 5 };
enum { MAX_JOBS = 1024 };

struct job {
    uint32_t id;
    pid_t pid;        /* 0: slot free */
    int out, err;     /* pipes read for a captured job, or -1 */
    int report;       /* tells why exec failed; closed by a good exec */
    int32_t error;    /* exec's errno, if it failed */
    int ended;        /* reaped, waiting for its pipes to be drained */
    int status;
};

static struct job jobs[MAX_JOBS];
static int wake[2];   /* written by the SIGCHLD handler */
extern char **environ;

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

static void reply(uint32_t id, uint8_t kind, const void *data, uint32_t size) {
    char head[9];
    memcpy(head, &id, 4);
    head[4] = (char)kind;
    memcpy(head + 5, &size, 4);
    write_all(1, head, sizeof head);
    if (size > 0) write_all(1, data, size);
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

static void finish(struct job *job) {
    read_report(job);
    if (job->report >= 0) close(job->report);
    job->report = -1;
    if (job->error) {
        reply(job->id, FAILED, &job->error, sizeof job->error);
        job->pid = 0;
        return;
    }
    int32_t result[2] = {0, 0};
    if (WIFEXITED(job->status)) result[0] = WEXITSTATUS(job->status);
    if (WIFSIGNALED(job->status)) result[1] = WTERMSIG(job->status);
    reply(job->id, ENDED, result, sizeof result);
    job->pid = 0;
}

static void start_job(char *request, uint32_t size, char ***to_free);

static void start(char *request, uint32_t size) {
    char **to_free[2] = {NULL, NULL};
    start_job(request, size, to_free);
    free(to_free[0]);
    free(to_free[1]);
}

static void start_job(char *request, uint32_t size, char ***to_free) {
    uint32_t id;
    memcpy(&id, request, 4);
    uint8_t flags = (uint8_t)request[4];
    char *p = request + 5, *end = request + size;
    /* directory, count, arguments..., environment..., NULL */
    char **strings = malloc(sizeof(char *) * (size + 1));
    int count = 0;
    while (p < end) {
        strings[count++] = p;
        p += strlen(p) + 1;
    }
    strings[count] = NULL;
    const char *directory = strings[0];
    int argc = atoi(strings[1]);
    char **args = malloc(sizeof(char *) * (size_t)(argc + 1));
    for (int i = 0; i < argc; i++) args[i] = strings[2 + i];
    args[argc] = NULL;
    char **env = &strings[2 + argc];
    to_free[0] = strings;
    to_free[1] = args;
    struct job *job = NULL;
    for (int i = 0; i < MAX_JOBS && !job; i++) {
        if (jobs[i].pid == 0 && jobs[i].out < 0 && jobs[i].err < 0) {
            job = &jobs[i];
        }
    }
    int32_t error = EAGAIN;
    if (!job) {
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    int out[2] = {-1, -1}, err[2] = {-1, -1}, report[2];
    if ((flags & CAPTURE) && (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC))) {
        error = errno;
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    if (pipe2(report, O_CLOEXEC)) {
        error = errno;
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGCHLD, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        if (flags & OWN_GROUP) setpgid(0, 0);
        if (flags & CAPTURE) {
            int null = open("/dev/null", O_RDONLY);
            dup2(null, 0);
            dup2(out[1], 1);
            dup2(err[1], 2);
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
        for (int fd = 5; fd < 64; fd++) {
            if (fd != report[1]) close(fd);
        }
        close(report[0]);
        if (chdir(directory) == 0) {
            environ = env;
            execvp(args[0], args);
        }
        int32_t code = errno;
        write_all(report[1], &code, sizeof code);
        _exit(127);
    }
    close(report[1]);
    if (flags & CAPTURE) {
        close(out[1]);
        close(err[1]);
    }
    if (pid < 0) {
        error = errno;
        close(report[0]);
        if (flags & CAPTURE) {
            close(out[0]);
            close(err[0]);
        }
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    /* Not waited for: a failed exec is told when the child is reaped. */
    job->id = id;
    job->pid = pid;
    job->ended = 0;
    job->error = 0;
    job->report = report[0];
    fcntl(job->report, F_SETFL, O_NONBLOCK);
    job->out = out[0];
    job->err = err[0];
    if (job->out >= 0) {
        fcntl(job->out, F_SETFL, O_NONBLOCK);
        fcntl(job->err, F_SETFL, O_NONBLOCK);
    }
    int32_t started = pid;
    reply(id, STARTED, &started, sizeof started);
}

static void reap(void) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        for (int i = 0; i < MAX_JOBS; i++) {
            struct job *job = &jobs[i];
            if (job->pid != pid || job->ended) continue;
            job->ended = 1;
            job->status = status;
            /* Its output is all in the pipes now, unless a process it
               left writes on: that is not waited for. */
            drain(job, &job->out, OUT);
            drain(job, &job->err, ERR);
            if (job->out >= 0) close(job->out);
            if (job->err >= 0) close(job->err);
            job->out = job->err = -1;
            finish(job);
        }
    }
}

int main(void) {
    for (int i = 0; i < MAX_JOBS; i++) {
        jobs[i].out = jobs[i].err = jobs[i].report = -1;
    }
    if (pipe2(wake, O_CLOEXEC | O_NONBLOCK)) return 2;
    struct sigaction action = {0};
    action.sa_handler = on_child;
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &action, NULL);
    signal(SIGPIPE, SIG_IGN);

    size_t capacity = 1 << 16;
    char *request = malloc(capacity);
    struct pollfd fds[2 + 2 * MAX_JOBS];
    struct job *owners[2 + 2 * MAX_JOBS];
    for (;;) {
        int n = 0;
        fds[n++] = (struct pollfd){.fd = 0, .events = POLLIN};
        fds[n++] = (struct pollfd){.fd = wake[0], .events = POLLIN};
        for (int i = 0; i < MAX_JOBS; i++) {
            if (jobs[i].out >= 0) {
                owners[n] = &jobs[i];
                fds[n++] = (struct pollfd){.fd = jobs[i].out, .events = POLLIN};
            }
            if (jobs[i].err >= 0) {
                owners[n] = &jobs[i];
                fds[n++] = (struct pollfd){.fd = jobs[i].err, .events = POLLIN};
            }
        }
        if (poll(fds, (nfds_t)n, -1) < 0) {
            if (errno == EINTR) continue;
            return 2;
        }
        for (int i = 2; i < n; i++) {
            if (!fds[i].revents) continue;
            struct job *job = owners[i];
            if (fds[i].fd == job->out) drain(job, &job->out, OUT);
            else if (fds[i].fd == job->err) drain(job, &job->err, ERR);
        }
        if (fds[1].revents) {
            char buffer[64];
            while (read(wake[0], buffer, sizeof buffer) > 0) {}
            reap();
        }
        if (fds[0].revents) {
            uint32_t size;
            if (read_all(0, &size, 4)) return 0; /* amake is done */
            if (size > capacity) {
                capacity = size;
                request = realloc(request, capacity);
            }
            if (read_all(0, request, size)) return 0;
            start(request, size);
        }
    }
}
