// Linux headers Glibc's module map does not expose, and macros re-exported as functions.
#ifndef CLINUXNET_H
#define CLINUXNET_H

#include <features.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ioctl.h>
#include <sys/timerfd.h>
#include <sys/epoll.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <arpa/inet.h>
#include <netpacket/packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_ether.h>
#include <linux/if_addr.h>
#include <time.h>
#include <unistd.h>

/// struct in6_pktinfo (RFC 3542), which <netinet/in.h> only declares under _GNU_SOURCE.
struct clinuxnet_in6_pktinfo {
    struct in6_addr ipi6_addr;
    unsigned int ipi6_ifindex;
};

/// CMSG_FIRSTHDR / CMSG_NXTHDR / CMSG_DATA / CMSG_SPACE / CMSG_LEN as functions.
static inline struct cmsghdr *clinuxnet_cmsg_firsthdr(struct msghdr *msg) { return CMSG_FIRSTHDR(msg); }
static inline struct cmsghdr *clinuxnet_cmsg_nxthdr(struct msghdr *msg, struct cmsghdr *cmsg) { return CMSG_NXTHDR(msg, cmsg); }
static inline unsigned char *clinuxnet_cmsg_data(struct cmsghdr *cmsg) { return CMSG_DATA(cmsg); }
static inline size_t clinuxnet_cmsg_space(size_t length) { return CMSG_SPACE(length); }
static inline size_t clinuxnet_cmsg_len(size_t length) { return CMSG_LEN(length); }

/// The monotonic clock in microseconds (clock_gettime(CLOCK_MONOTONIC)).
static inline unsigned long long clinuxnet_monotonic_microseconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000ULL + (unsigned long long)ts.tv_nsec / 1000ULL;
}

/// setns(2) into a network namespace (declared by <sched.h> only under _GNU_SOURCE).
extern int setns(int fd, int nstype);
static inline int clinuxnet_enter_network_namespace(int fd) { return setns(fd, 0x40000000 /* CLONE_NEWNET */); }

/// ppoll(2) (declared by <poll.h> only under _GNU_SOURCE): poll with a timeout to the nanosecond.
#include <poll.h>
#include <signal.h>
extern int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask);
static inline int clinuxnet_ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout) {
    return ppoll(fds, nfds, timeout, NULL);
}

static inline int clinuxnet_errno(void);
#include <errno.h>
static inline int clinuxnet_errno(void) { return errno; }

#include <sys/syscall.h>
#include <sys/resource.h>
/// gettid(2): the calling thread's id (per-thread scheduling and nice).
static inline pid_t clinuxnet_gettid(void) { return (pid_t)syscall(SYS_gettid); }
#include <sys/prctl.h>
/// prctl(PR_SET_NAME): the calling thread's name (its comm, at most 15 characters).
static inline int clinuxnet_set_thread_name(const char *name) { return prctl(PR_SET_NAME, name, 0, 0, 0); }
/// prctl(PR_SET_TIMERSLACK): how late the kernel may wake the calling thread's timed waits (the
/// default 50 µs groups wake-ups; 1 ns asks for the deadline itself).
static inline int clinuxnet_set_timer_slack(unsigned long nanoseconds) { return prctl(PR_SET_TIMERSLACK, nanoseconds, 0, 0, 0); }
/// sched_setaffinity(2) for thread `tid` on the CPUs listed (ids past 1023 are left out).
static inline int clinuxnet_set_cpu_affinity(pid_t tid, const int *cpus, int count) {
    unsigned long bits[1024 / (8 * sizeof(unsigned long))] = { 0 };
    const int width = 8 * (int)sizeof(unsigned long);
    for (int index = 0; index < count; index++) {
        if (cpus[index] >= 0 && cpus[index] < 1024) bits[cpus[index] / width] |= 1UL << (cpus[index] % width);
    }
    return (int)syscall(SYS_sched_setaffinity, tid, sizeof bits, bits);
}
/// setrlimit(RLIMIT_RTTIME): µs a real-time thread may run without blocking (soft: SIGXCPU).
static inline int clinuxnet_set_rttime_limit(unsigned long soft, unsigned long hard) {
    struct rlimit limit = { soft, hard };
    return setrlimit(RLIMIT_RTTIME, &limit);
}

#endif
