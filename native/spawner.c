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
 * with KILL. SysV IPC objects go with the IPC namespace. Where namespaces
 * are not allowed, commands run uncontained, and `--probe` says so.
 *
 * amake sends requests on the helper's standard input and reads what
 * happened on its standard output, both as frames:
 *
 *   request:  u32 size, u32 id, u8 flags, then NUL-terminated strings:
 *             directory, argument count, arguments..., environment...
 *   reply:    u32 id, u8 kind, u32 size, payload
 *             1: output (stdout)        2: output (stderr)
 *             3: started (i32 pid)      4: ended (i32 exit code, i32 signal)
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
            if (i >= slots) slots = i + 1;
        }
    }
    int32_t error = EAGAIN;
    if (!job) {
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    int out[2] = {-1, -1}, err[2] = {-1, -1}, report[2], main[2] = {-1, -1};
    int sync[2] = {-1, -1};
    int contained = containment != NONE;
    if (((flags & CAPTURE) && (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC))) ||
        pipe2(report, O_CLOEXEC) ||
        (contained && (pipe2(main, O_CLOEXEC) || pipe2(sync, O_CLOEXEC)))) {
        error = errno;
        reply(id, FAILED, &error, sizeof error);
        return;
    }
    int namespaces = namespace_flags();
    if (flags & SHARED_IPC) namespaces &= ~CLONE_NEWIPC;
    /* Under `fakeroot amake` the commands talk to a faked outside through
       SysV IPC: they keep amake's IPC namespace, or they would hang. */
    for (char **entry = env; *entry; entry++) {
        if (strncmp(*entry, "FAKEROOTKEY=", 12) == 0) namespaces &= ~CLONE_NEWIPC;
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
        signal(SIGCHLD, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
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
    fcntl(job->report, F_SETFL, O_NONBLOCK);
    if (job->out >= 0) {
        fcntl(job->out, F_SETFL, O_NONBLOCK);
        fcntl(job->err, F_SETFL, O_NONBLOCK);
    }
    int32_t started = pid;
    reply(id, STARTED, &started, sizeof started);
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

static void main_ended(struct job *job) {
    int32_t told[2];
    if (read_all(job->main_fd, told, sizeof told) == 0) {
        job->main_ended = 1;
        job->main_status = told[0];
        if (told[1] && job->keep) {
            /* Its daemons live on, until amake is done: the job is. */
            drain(job, &job->out, OUT);
            drain(job, &job->err, ERR);
            if (job->out >= 0) close(job->out);
            if (job->err >= 0) close(job->err);
            job->out = job->err = -1;
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
        for (int i = 0; i < slots; i++) {
            struct job *job = &jobs[i];
            if (job->pid != pid) continue;
            /* Its output is all in the pipes now, unless a process it
               left writes on: that is not waited for. */
            drain(job, &job->out, OUT);
            drain(job, &job->err, ERR);
            if (job->out >= 0) close(job->out);
            if (job->err >= 0) close(job->err);
            job->out = job->err = -1;
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
    for (;;) {
        int n = 0;
        fds[n++] = (struct pollfd){.fd = 0, .events = POLLIN};
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
                end_all(); /* amake is done, or gone */
                return 0;
            }
            start(request, size);
        }
    }
}
