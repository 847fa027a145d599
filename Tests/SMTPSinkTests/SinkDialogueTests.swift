// smtp-sink's side of the dialogue, fed the bytes a client sends, as they may arrive in pieces.
@testable import smtp_sink
import Testing

struct SinkDialogueTests {
    /// keepalived's dialogue, as its smtp.c writes it.
    static let alert = "HELO localhost\r\nMAIL FROM:<ka@lab.example>\r\nRCPT TO:<ops@lab.example>\r\nRCPT TO:<noc@lab.example>\r\nDATA\r\n"
        + "Subject: x\r\n\r\n..starts with a dot\r\n\r\n.\r\nQUIT\r\n"

    static let replies = ["250 smtp-sink\r\n", "250 OK\r\n", "250 OK\r\n", "250 OK\r\n",
                          "354 End data with <CR><LF>.<CR><LF>\r\n", "250 OK message stored\r\n", "221 Bye\r\n"]

    @Test func answersEachCommandAndTheMessageOnce() {
        var dialogue = SinkDialogue()
        #expect(dialogue.receive(Array(Self.alert.utf8)) == Self.replies)
        #expect(dialogue.finished)
    }

    @Test(arguments: [1, 2, 7, 50])
    func linesSplitAcrossReadsAreAnsweredWhenTheyEnd(_ size: Int) {
        var dialogue = SinkDialogue()
        let bytes = Array(Self.alert.utf8)
        let replies = stride(from: 0, to: bytes.count, by: size).flatMap { dialogue.receive(bytes[$0..<min($0 + size, bytes.count)]) }
        #expect(replies == Self.replies)
    }

    @Test func commandWordsInAMessageAreText() {
        var dialogue = SinkDialogue()
        let replies = dialogue.receive(Array("EHLO x\r\nDATA\r\nQUIT\r\nRSET\r\n.\r\nNOOP\r\n".utf8))
        #expect(replies == ["250 smtp-sink\r\n", "354 End data with <CR><LF>.<CR><LF>\r\n", "250 OK message stored\r\n", "250 OK\r\n"])
        #expect(!dialogue.finished && dialogue.phase == .commands)
    }

    @Test func anUnknownCommandIsRefusedAndNothingAfterQuitIsAnswered() {
        var dialogue = SinkDialogue()
        #expect(dialogue.receive(Array("VRFY root\nQUIT\nHELO again\r\n".utf8)) == ["502 Command not implemented\r\n", "221 Bye\r\n"])
    }
}
