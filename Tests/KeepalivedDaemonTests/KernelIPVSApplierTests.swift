/// The line keepalived logs when the kernel refuses an IPVS request (ipvswrapper.c ipvs_talk).
import IPVSModel
import KeepalivedConfig
import Testing
@testable import KeepalivedDaemon

@Suite struct KernelIPVSApplierTests {
    static let web = IPVSServiceKey.address(.tcp, IPAddress("10.0.0.1")!, port: 80)

    @Test func commandsAreNamedAndNumberedAsKeepalivedLogsThem() {
        let destination = IPVSDestination(address: IPAddress("10.0.1.2")!, port: 8080)
        func line(_ change: IPVSChange) -> String {
            let (name, number, rule) = KernelIPVSApplier.keepalivedCommand(change)
            return "\(name)(\(number))" + (rule.map { " (\($0))" } ?? "")
        }
        #expect(line(.addService(IPVSService(key: Self.web))) == "IP_VS_SO_SET_ADD(1154) (10.0.0.1:tcp:80)")
        #expect(line(.removeService(.firewallMark(7, family: .inet6))) == "IP_VS_SO_SET_DEL(1156) (Fwm 7 inet6)")
        #expect(line(.flush) == "IP_VS_SO_SET_FLUSH(1157)")
        #expect(line(.addDestination(Self.web, destination)) == "IP_VS_SO_SET_ADDDEST(1159) (10.0.0.1:tcp:80 -> 10.0.1.2:8080)")
        #expect(line(.removeDestination(.address(.udp, IPAddress("2001:db8::1")!, port: 53), destination.key))
                == "IP_VS_SO_SET_DELDEST(1160) (2001:db8::1:udp:53 -> 10.0.1.2:8080)")
        #expect(line(.updateDestination(Self.web, destination)) == "IP_VS_SO_SET_EDITDEST(1161) (10.0.0.1:tcp:80 -> 10.0.1.2:8080)")
    }
}
