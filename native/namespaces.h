/*
 * Containment shared by amake-spawner (spawner.c) and amake-runner
 * (runner.c), each a program of one file that includes this: the
 * namespaces a command can be put in, the probe that finds which of them
 * this user may create, and the life of a namespace's init.
 */
#ifndef AMAKE_NAMESPACES_H
#define AMAKE_NAMESPACES_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the kernel lets this user do to contain a command. */
enum containment { NONE, NAMESPACES, USER_NAMESPACES };
static enum containment containment = NONE;

/*
 * Closes every descriptor from `lowest` up but `keep` (-1: none), in at
 * most two system calls where the kernel has close_range (Linux 5.9):
 * where system calls are dear, as in a virtual machine, a loop of
 * close() was a good part of what starting a job cost.
 */
static void close_from(int lowest, int keep) {
    if (keep < lowest) keep = -1;
    int ranges[2][2] = {{lowest, keep < 0 ? -1 : keep - 1}, {keep + 1, -1}};
    for (int i = 0; i < (keep < 0 ? 1 : 2); i++) {
        unsigned first = (unsigned)ranges[i][0], last = (unsigned)ranges[i][1];
        if (first > last) continue;
        if (syscall(SYS_close_range, first, last, 0) == 0) continue;
        long open_max = sysconf(_SC_OPEN_MAX);
        if (open_max < 0 || open_max > 65536) open_max = 65536;
        for (long fd = first; fd < open_max && fd <= (long)last; fd++) {
            close((int)fd);
        }
    }
}

/* A fork that can put the child in new namespaces. */
static pid_t fork_into(int namespaces) {
    return (pid_t)syscall(SYS_clone, SIGCHLD | namespaces, NULL, NULL, NULL,
                          NULL);
}

static int namespace_flags(void) {
    if (containment == NAMESPACES) return CLONE_NEWPID | CLONE_NEWIPC;
    if (containment == USER_NAMESPACES) {
        return CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWIPC;
    }
    return 0;
}

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* In a user namespace the user stays who they are. */
static int map_user(pid_t pid, uid_t uid, gid_t gid) {
    char path[64], text[64];
    snprintf(path, sizeof path, "/proc/%d/setgroups", (int)pid);
    write_file(path, "deny");
    snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
    snprintf(text, sizeof text, "%u %u 1", (unsigned)uid, (unsigned)uid);
    if (write_file(path, text)) return -1;
    snprintf(path, sizeof path, "/proc/%d/gid_map", (int)pid);
    snprintf(text, sizeof text, "%u %u 1", (unsigned)gid, (unsigned)gid);
    return write_file(path, text);
}

/* Finds the best containment this user may have, by trying it. */
static void probe(void) {
    enum containment tries[] = {NAMESPACES, USER_NAMESPACES};
    for (int i = 0; i < 2; i++) {
        containment = tries[i];
        int sync[2];
        if (pipe2(sync, O_CLOEXEC)) break;
        pid_t pid = fork_into(namespace_flags());
        if (pid == 0) {
            char go;
            close(sync[1]);
            _exit(read(sync[0], &go, 1) == 0 ? 0 : 1);
        }
        close(sync[0]);
        int ok = pid > 0;
        if (ok && containment == USER_NAMESPACES) {
            ok = map_user(pid, getuid(), getgid()) == 0;
        }
        close(sync[1]);
        int status = 0;
        if (pid > 0) waitpid(pid, &status, 0);
        if (ok && WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
    }
    containment = NONE;
}

/*
 * An init's start, in two halves over the pipe `sync`: the init waits
 * until its parent has mapped the user into its namespace (when there
 * is a user namespace), then goes on.
 */
static void wait_until_mapped(int sync[2]) {
    char go;
    close(sync[1]);
    (void)!read(sync[0], &go, 1);
}

static void let_init_go(pid_t init, int sync[2]) {
    close(sync[0]);
    if (init > 0 && containment == USER_NAMESPACES) {
        map_user(init, getuid(), getgid());
    }
    close(sync[1]);
}

/*
 * The rest of an init's life once it has started `command`: it reaps
 * every process of its namespace; when the command ends, it tells
 * `main_fd` how (the wait status) and whether anything of it is left, and
 * it ends when nothing is.
 */
static void init_reap(pid_t command, int main_fd) {
    int status;
    for (;;) {
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == EINTR) continue;
        if (pid < 0) _exit(0);
        if (pid != command) continue;
        /* What has ended already is reaped first. */
        pid_t left;
        while ((left = waitpid(-1, NULL, WNOHANG)) > 0) {}
        int32_t told[2] = {status, left == 0};
        /* Eight bytes into a pipe go in whole, or not at all. */
        while (write(main_fd, told, sizeof told) < 0 && errno == EINTR) {}
        close(main_fd);
        if (!told[1]) _exit(0);
    }
}

#endif
