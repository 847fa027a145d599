import Testing
@testable import KeepalivedConfig
import KeepalivedTestSupport

/// Reads every logical line of `main` (and the files beside it) as the keyword parser sees them.
private func lines(_ main: String, files: [String: String] = [:], configID: String = "lab1") -> (lines: [String], diagnostics: [Diagnostic]) {
    var host = InMemoryHost(files: ["/etc/keepalived/keepalived.conf": main])
    for (path, content) in files { host.add(path, content) }
    var diagnostics: [Diagnostic] = []
    let reader = LineReader(host: host, configID: configID, includeCheck: []) { diagnostics.append($0) }
    #expect(reader.openMain("/etc/keepalived/keepalived.conf"))
    var out: [String] = []
    while let line = reader.readLine() { out.append(line.text) }
    return (out, diagnostics)
}

@Test func commentsAndBlanksAreRemoved() {
    let result = lines("  global_defs {   # comment\n\n ! whole line\n  router_id \"a # b\" ! trailing\n}\n")
    #expect(result.lines == ["global_defs", "{", "router_id \"a # b\"", "}"])
}

@Test func escapedCommentCharactersStay() {
    #expect(lines("notify_master /bin/echo \\#1\n").lines == ["notify_master /bin/echo #1"])
}

@Test func bracesSplitLines() {
    #expect(lines("vrrp_instance VI { state BACKUP }\n").lines == ["vrrp_instance VI", "{", "state BACKUP", "}"])
    #expect(lines("a \"{\" b\n").lines == ["a \"{\" b"])
}

@Test func conditionalLines() {
    let result = lines("@lab1 router_id one\n@lab2 router_id two\n@^lab2 priority 3\n@lab1\n")
    #expect(result.lines == ["router_id one", "priority 3"])
}

@Test func definitionsExpand() {
    let text = "$IF=eth0\n$PRI=100\ninterface $IF\npriority ${PRI}0\nweight $UNDEFINED\n"
    #expect(lines(text).lines == ["interface eth0", "priority 1000", "weight $UNDEFINED"])
}

@Test func multilineDefinitions() {
    let text = "$BLOCK= \\\n  state BACKUP \\\n  priority 50\nvrrp_instance X {\n$BLOCK\n}\n"
    #expect(lines(text).lines == ["vrrp_instance X", "{", "state BACKUP", "priority 50", "}"])
}

@Test func sequencesAndLists() {
    #expect(lines("~SEQ(i, 3) vip 10.0.0.$i\n").lines == ["vip 10.0.0.1", "vip 10.0.0.2", "vip 10.0.0.3"])
    #expect(lines("~SEQ(i, 5, -2, 1) n $i\n").lines == ["n 5", "n 3", "n 1"])
    #expect(lines("~SEQx(i, 9, 11) n $i\n").lines == ["n 9", "n a", "n b"])
    #expect(lines("~LST(v, a, b) x $v\n").lines == ["x a", "x b"])
    #expect(lines("~LST({n,p}, {A,1}, {B,2}) $n $p\n").lines == ["A 1", "B 2"])
    #expect(lines("~SEQ(i, 2) ~SEQ(j, 2) ${i}.${j}\n").lines == ["1.1", "1.2", "2.1", "2.2"])
}

@Test func includesAreRelativeToTheIncludingFile() {
    let result = lines(
        "include conf.d/*.conf\nlast\n",
        files: ["/etc/keepalived/conf.d/b.conf": "b\n", "/etc/keepalived/conf.d/a.conf": "a\ninclude ../x.inc\n",
                "/etc/keepalived/x.inc": "x\n"])
    #expect(result.lines == ["a", "x", "b", "last"])
}

@Test func missingIncludeIsNotAnErrorByDefault() {
    let result = lines("include /nowhere.conf\nok\n")
    #expect(result.lines == ["ok"])
    #expect(result.diagnostics.allSatisfy { $0.keepalivedClass == nil })
}

@Test func lineContinuationOnlyInDefinitions() {
    #expect(lines("priority 100 \\\n").lines == ["priority 100\\"])
}

@Test func unterminatedQuoteIsReported() {
    let result = lines("router_id \"abc\n")
    #expect(result.diagnostics.contains { $0.message.contains("Unterminated quote") && $0.location?.line == 1 })
}

@Test func extraClosingBraceIsReported() {
    let result = lines("}\n")
    #expect(result.diagnostics.first?.keepalivedClass == .unexpectedBlockEnd)
}

@Test func globBraces() {
    #expect(Glob.expandBraces("a{b,c}d{1,2}") == ["abd1", "abd2", "acd1", "acd2"])
    #expect(Glob.fnmatch("*.conf", "x.conf"))
    #expect(!Glob.fnmatch("*.conf", ".x.conf"))
    #expect(Glob.fnmatch("[a-c]?", "b1"))
}

@Test func scriptWordsFollowKeepalived() throws {
    #expect(try Tokenizer.scriptWords("/s.sh 'a b' c\\x41 ab\"c d\"e").get() == ["/s.sh", "a b", "cA", "abc de"])
}

@Test(arguments: [
    ("10.0.0.1", "10.0.0.1"), ("fe80::1", "fe80::1"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("::", "::"), ("::ffff:1.2.3.4", "::ffff:1.2.3.4"), ("1::", "1::"), ("FF02::12", "ff02::12"),
])
func addressesRoundTrip(text: String, printed: String) {
    #expect(IPAddress(text)?.description == printed)
}

@Test(arguments: ["10.0.0", "10.0.0.256", "010.0.0.1", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "eth0", ""])
func invalidAddressesAreRejected(text: String) {
    #expect(IPAddress(text) == nil)
}
