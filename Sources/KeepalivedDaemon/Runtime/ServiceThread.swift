import Glibc

/// A dedicated POSIX thread for a long-running loop (the VRRP thread: nothing else runs on it).
final class ServiceThread: @unchecked Sendable {
    private var thread = pthread_t()
    private let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }

    func start() {
        let unmanaged = Unmanaged.passRetained(self)
        pthread_create(&thread, nil, { argument in
            let box = Unmanaged<ServiceThread>.fromOpaque(argument!).takeRetainedValue()
            box.body()
            return nil
        }, unmanaged.toOpaque())
    }

    func join() {
        pthread_join(thread, nil)
    }
}
