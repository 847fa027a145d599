// The NAT data path the IPVS guest tests send traffic through, as shell text for IPVSGuest.run.

extension IPVSGuest {
    /// Dash text that builds, in the guest: real servers `rs1`…`rsN` in namespaces at 10.0.I.2
    /// (the director's side of each veth is 10.0.I.254), a client namespace `cl` at 10.9.0.2, the
    /// VIP 10.9.9.9 on the director's `lo`, and IPv4 forwarding. It defines `serve I` (busybox
    /// httpd on port 80 of rsI, answering `GET /who` with `rsI`), `stop_server I`, and
    /// `ask NAME COUNT` (COUNT requests from the client to the VIP, each reply's last line written
    /// under a `== NAME` section). Starts with `set -e`.
    public static func natLabScript(realServers: Int) -> String {
        """
        set -e
        sysctl -qw net.ipv4.ip_forward=1
        for i in $(seq \(realServers)); do
          ip netns add rs$i
          ip link add vd$i type veth peer name eth0 netns rs$i
          ip addr add 10.0.$i.254/24 dev vd$i; ip link set vd$i up
          ip -n rs$i link set lo up; ip -n rs$i addr add 10.0.$i.2/24 dev eth0; ip -n rs$i link set eth0 up
          ip -n rs$i route add default via 10.0.$i.254
          mkdir -p /www$i; echo rs$i > /www$i/who
        done
        ip netns add cl; ip link add vc type veth peer name eth0 netns cl
        ip addr add 10.9.0.254/24 dev vc; ip link set vc up
        ip -n cl link set lo up; ip -n cl addr add 10.9.0.2/24 dev eth0; ip -n cl link set eth0 up
        ip -n cl route add default via 10.9.0.254
        ip addr add 10.9.9.9/32 dev lo
        # Namespaces share the filesystem: one docroot each.
        serve() { ip netns exec rs$1 busybox httpd -f -p 80 -h /www$1 & echo $! > /tmp/rs$1.pid; }
        stop_server() { kill $(cat /tmp/rs$1.pid); }
        ask() {
          echo "== $1"
          for n in $(seq $2); do
            printf 'GET /who HTTP/1.0\\r\\n\\r\\n' | ip netns exec cl busybox nc -w 3 10.9.9.9 80 > /tmp/reply || true
            tail -n 1 /tmp/reply; echo
          done
        }

        """
    }
}
