/// HTTP_GET and SSL_GET verdicts: the url walk, retries, fast_recovery and the log lines
/// (keepalived's http_handle_response, timeout_epilog and epilog).
import KeepalivedConfig

extension HealthChecker {
    /// keepalived's register_checker_t.
    enum HTTPStep { case next, retry, failed }

    static func urls(_ kind: CheckerKind) -> [URLCheck] {
        switch kind {
        case .http(let http), .ssl(let http): http.urls
        default: []
        }
    }

    mutating func httpCompleted(_ id: CheckerID, _ result: HTTPProbeResult) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        let urls = Self.urls(checker.kind)
        guard let index = checker.urlIndex, index < urls.count else { return httpEpilog(id, .next) }
        let url = urls[index]
        let response: HTTPResponse
        switch result {
        case .failed(let reason): return httpFailed(id, reason)
        case .response(let r): response = r
        }
        var actions = response.notes.map { CheckerAction.log($0) }
        guard response.headerComplete else { return actions + httpFailed(id, "Read, no data received from ") }
        let accepted = url.statusCodes.isEmpty ? (200...299).contains(response.statusCode) : url.accepts(status: response.statusCode)
        guard accepted else { return actions + httpFailed(id, "HTTP status code error to") }
        if let length = response.contentLength, length != response.bodyLength {
            let mismatch = length - response.bodyLength
            if checkers[id]?.lengthMismatch[index] != mismatch {
                let vs = virtualServers[id.virtualServer]
                actions.append(.log("http_check for RS \(realServerName(id)) VS \(vs.name) url \(url.virtualhost ?? "")\(url.path ?? ""): content_length (\(length)) does not match received bytes (\(response.bodyLength))"))
                checkers[id]?.lengthMismatch[index] = mismatch
            }
        } else {
            checkers[id]?.lengthMismatch[index] = 0
        }
        var message = "HTTP status code"
        if let digest = url.digest {
            guard response.bodyDigest == digest else { return actions + httpFailed(id, "MD5 digest error to") }
            message = "MD5 digest"
        }
        if url.regex != nil {
            guard (response.regexMatched ?? false) != url.regexNoMatch else { return actions + httpFailed(id, "Regex match failed") }
            message = "Regex match"
        }
        if !checker.isUp {
            actions.append(.log("\(message) success to \(realServerName(id)) url(\(url.path ?? ""))"))
        }
        return actions + httpEpilog(id, .next)
    }

    /// keepalived's timeout_epilog: a failed fetch retries while the checker is up (or has not run).
    mutating func httpFailed(_ id: CheckerID, _ reason: String) -> [CheckerAction] {
        guard let checker = checkers[id] else { return [] }
        guard checker.isUp || !checker.hasRun else { return httpEpilog(id, .failed) }
        var actions: [CheckerAction] = []
        if logsAllFailures(checker) {
            actions.append(.log("\(reason) server \(realServerName(id))."))
        }
        checkers[id]?.hasRun = true
        return actions + httpEpilog(id, .retry)
    }

    /// keepalived's epilog.
    mutating func httpEpilog(_ id: CheckerID, _ step: HTTPStep) -> [CheckerAction] {
        guard var checker = checkers[id] else { return [] }
        let urls = Self.urls(checker.kind)
        var actions: [CheckerAction] = []
        if step == .next {
            if let index = checker.urlIndex, index + 1 < urls.count {
                checker.urlIndex = index + 1
            } else {
                checker.urlIndex = nil
            }
            checker.retryIteration = 0
        } else if step == .retry {
            checker.retryIteration += 1
        }
        checkers[id] = checker

        if step == .next && checker.urlIndex == nil && checker.failedURL == nil {
            // Every url passed.
            if !checker.isUp || !checker.hasRun {
                let serverWasAlive = virtualServers[id.virtualServer].realServers[id.realServer].alive
                actions.append(.log("Remote Web server \(realServerName(id)) succeed on service."))
                actions += checkerVerdict(true, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: true,
                                        message: "=> CHECK succeed on service <=")
                checkers[id]?.hasRun = true
            }
            checkers[id]?.urlIndex = urls.isEmpty ? nil : 0
            checkers[id]?.retryIteration = 0
        } else if step == .retry && checker.retryIteration > checker.retry {
            if checker.isUp || !checker.hasRun {
                let name = realServerName(id)
                if checker.hasRun && checker.retry > 0 {
                    actions.append(.log("HTTP_CHECK on service \(name) failed after \(checker.retryIteration - 1) retries."))
                } else {
                    actions.append(.log("HTTP_CHECK on service \(name) failed."))
                }
                let serverWasAlive = virtualServers[id.virtualServer].realServers[id.realServer].alive
                actions += checkerVerdict(false, id)
                actions += checkerAlert(id, checkerWasUp: checker.isUp, serverWasAlive: serverWasAlive, up: false,
                                        message: "=> CHECK failed on service : HTTP request failed <=")
            }
            checkers[id]?.failedURL = checker.urlIndex
        } else if step == .next, checker.failedURL != nil {
            // The failed url passes again: start over from the first.
            checkers[id]?.failedURL = nil
            checkers[id]?.urlIndex = urls.isEmpty ? nil : 0
            checkers[id]?.retryIteration = 0
        }

        checker = checkers[id]!
        var delay: UInt64
        if step == .next {
            delay = checker.delayLoop
            if !checker.hasRun { checkers[id]?.retryIteration = checker.retry }
        } else if checker.failedURL != nil {
            delay = max(checker.delayBeforeRetry, checker.delayLoop)
        } else {
            delay = checker.delayBeforeRetry
        }
        if case .http(let http) = checker.kind, http.fastRecovery, !checker.hasRun || (!checker.isUp && checker.failedURL == nil) {
            delay = 0
        } else if case .ssl(let http) = checker.kind, http.fastRecovery, !checker.hasRun || (!checker.isUp && checker.failedURL == nil) {
            delay = 0
        }
        actions.append(.scheduleProbe(ProbeRequest(checker: id, delay: delay, url: checkers[id]!.urlIndex)))
        return actions
    }
}
