using System.Text.Json;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Testing;

namespace Magma.Lightning.Tests.Bolt11;

// Interoperability with npm bolt11, an independent implementation on libsecp256k1.
public class Bolt11NodeCrossCheckTests
{
    private const string DecodeScript = """
        const bolt11 = require('bolt11');
        const requests = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const decoded = requests.map(pr => {
          const d = bolt11.decode(pr);
          const tags = name => d.tags.filter(t => t.tagName === name).map(t => t.data);
          return {
            payee: d.payeeNodeKey, msat: d.millisatoshis, timestamp: d.timestamp,
            paymentHash: tags('payment_hash')[0], secret: tags('payment_secret')[0] ?? null,
            description: tags('description')[0] ?? null, descriptionHash: tags('purpose_commit_hash')[0] ?? null,
            expiry: tags('expire_time')[0] ?? 3600, cltv: tags('min_final_cltv_expiry')[0] ?? 18,
            fallbacks: tags('fallback_address').map(f => f.address),
            routes: tags('routing_info').map(r => r.map(h => [h.pubkey, h.short_channel_id, h.fee_base_msat, h.fee_proportional_millionths, h.cltv_expiry_delta].join('/'))),
          };
        });
        process.stdout.write(JSON.stringify(decoded));
        """;

    private const string SignScript = """
        const bolt11 = require('bolt11');
        const { key, invoices } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const networks = {
          bc: undefined,
          tb: { bech32: 'tb', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] },
          bcrt: { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] },
          sb: { bech32: 'sb', pubKeyHash: 0x3f, scriptHash: 0x7b, validWitnessVersions: [0, 1] },
        };
        const signed = invoices.map(i => {
          const tags = [
            { tagName: 'payment_hash', data: i.hash },
            { tagName: 'payment_secret', data: i.secret },
            { tagName: 'description', data: i.description },
            { tagName: 'expire_time', data: i.expiry },
            { tagName: 'min_final_cltv_expiry', data: i.cltv },
            { tagName: 'feature_bits', data: { var_onion_optin: { required: true }, payment_secret: { required: true }, basic_mpp: { supported: true } } },
          ];
          if (i.fallback) tags.push({ tagName: 'fallback_address', data: { address: i.fallback } });
          if (i.route) tags.push({ tagName: 'routing_info', data: i.route });
          const data = { network: networks[i.network], timestamp: i.timestamp, tags };
          if (i.msat) data.millisatoshis = i.msat;
          return bolt11.sign(bolt11.encode(data, false), key).paymentRequest;
        });
        process.stdout.write(JSON.stringify(signed));
        """;

    private static readonly PrivateKey Key = PrivateKey.ParseHex("c0ffee254729296a45a3885639ac7e10f9d54979b3f1ad1f5b23b3e9c1d52bd2");

    [NodeToolFact("bolt11")]
    public async Task InvoicesWrittenByMagmaDecodeInNpmBolt11()
    {
        var drafts = MagmaDrafts();
        var requests = drafts.Select(d => Bolt11Encoder.Encode(d, Key)).ToList();

        using var output = JsonDocument.Parse(await NodeTools.RunScript(DecodeScript, JsonSerializer.Serialize(requests)));

        var decoded = output.RootElement.EnumerateArray().ToList();
        Assert.Equal(drafts.Count, decoded.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var npm = decoded[i];
            Assert.Equal(Key.PublicKey.ToHex(), npm.GetProperty("payee").GetString());
            Assert.Equal(draft.PaymentHash, npm.GetProperty("paymentHash").GetString());
            Assert.Equal(draft.PaymentSecret, npm.GetProperty("secret").GetString());
            Assert.Equal(draft.AmountMsat?.ToString(), npm.GetProperty("msat").GetString());
            Assert.Equal(draft.Description, npm.GetProperty("description").GetString());
            Assert.Equal(draft.DescriptionHash, npm.GetProperty("descriptionHash").GetString());
            Assert.Equal(draft.ExpirySeconds ?? 3600, npm.GetProperty("expiry").GetInt64());
            Assert.Equal(draft.MinFinalCltvExpiry ?? 18, npm.GetProperty("cltv").GetInt32());
            Assert.Equal(draft.Timestamp.ToUnixTimeSeconds(), npm.GetProperty("timestamp").GetInt64());
            Assert.Equal(draft.Fallbacks.Select(f => f.Address), npm.GetProperty("fallbacks").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(draft.RouteHints.Select(r => r.Select(Describe)), npm.GetProperty("routes").EnumerateArray().Select(r => r.EnumerateArray().Select(h => h.GetString()!)));
        }
    }

    [NodeToolFact("bolt11")]
    public async Task InvoicesSignedByNpmBolt11DecodeInMagma()
    {
        var specs = NpmSpecs();
        var input = JsonSerializer.Serialize(new { key = Key.ToHex(), invoices = specs });

        var requests = JsonSerializer.Deserialize<string[]>(await NodeTools.RunScript(SignScript, input))!;

        Assert.Equal(specs.Length, requests.Length);
        for (var i = 0; i < specs.Length; i++)
        {
            var spec = specs[i];
            var network = BitcoinNetwork.All.First(n => n.AddressHrp == spec.network && n != BitcoinNetwork.Signet);
            var result = Bolt11Decoder.Decode(requests[i], network);
            Assert.True(result.Success, $"{requests[i]}: {result.Error?.Message}");
            var invoice = result.Invoice;
            Assert.Equal(Key.PublicKey, invoice.Payee);
            Assert.Equal(spec.hash, invoice.PaymentHash);
            Assert.Equal(spec.secret, invoice.PaymentSecret);
            Assert.Equal(spec.msat is null ? null : long.Parse(spec.msat), invoice.AmountMsat);
            Assert.Equal(spec.description, invoice.Description);
            Assert.Equal(spec.expiry, invoice.ExpirySeconds);
            Assert.Equal(spec.cltv, invoice.MinFinalCltvExpiry);
            Assert.Equal(spec.timestamp, invoice.Timestamp.ToUnixTimeSeconds());
            Assert.Equal([8, 14, 17], invoice.Features.SetBits);
            Assert.Equal(spec.fallback, invoice.Fallbacks.SingleOrDefault()?.Address);
            Assert.Equal(spec.route?.Select(h => $"{h.pubkey}/{h.short_channel_id}/{h.fee_base_msat}/{h.fee_proportional_millionths}/{h.cltv_expiry_delta}"),
                invoice.RouteHints.SingleOrDefault()?.Select(Describe));
        }
    }

    private static List<Bolt11InvoiceDraft> MagmaDrafts()
    {
        var hop = new RouteHintHop(PrivateKey.Generate().PublicKey, 0x0001a2000b0c0001, 1000, 250, 144);
        var hop2 = new RouteHintHop(PrivateKey.Generate().PublicKey, 0x00ffeeddccbbaa99, 0, 1, 40);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_718_000_000);
        Bolt11InvoiceDraft Draft(BitcoinNetwork network, int n) => new()
        {
            Network = network, Timestamp = now.AddMinutes(n),
            PaymentHash = Sha256Hex((byte)n, 0),
            PaymentSecret = Sha256Hex((byte)n, 1),
            Description = $"cross-check {n}",
        };
        return
        [
            Draft(BitcoinNetwork.Mainnet, 1),
            Draft(BitcoinNetwork.Mainnet, 2) with { AmountMsat = 2_000_000_000, Description = null, DescriptionHash = new string('d', 64), Fallbacks = [Fallback("bc1pptdvg0d2nj99568qn6ssdy4cygnwuxgw2ukmnwgwz7jpqjz2kszse2s3lm", BitcoinNetwork.Mainnet), Fallback("3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX", BitcoinNetwork.Mainnet)] },
            Draft(BitcoinNetwork.Testnet, 3) with { AmountMsat = 250_000_000, ExpirySeconds = 60, MinFinalCltvExpiry = 40, Fallbacks = [Fallback("mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP", BitcoinNetwork.Testnet)] },
            Draft(BitcoinNetwork.Regtest, 4) with { AmountMsat = 1_000, RouteHints = [[hop, hop2], [hop2]], Features = new([8, 14, 17, 99]), Fallbacks = [Fallback("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", BitcoinNetwork.Regtest)] },
            Draft(BitcoinNetwork.Regtest, 5) with { IncludePayee = true, Description = "ナンセンス 1杯", Metadata = "01fafaf0", ExpirySeconds = 604_800 },
            Draft(BitcoinNetwork.Regtest, 6) with { AmountMsat = 967_878_534, MinFinalCltvExpiry = 144 },
            Draft(BitcoinNetwork.Simnet, 7) with { AmountMsat = 1, RouteHints = [[hop]] },
        ];
    }

    private static NpmSpec[] NpmSpecs()
    {
        var hopKey = PrivateKey.Generate().PublicKey.ToHex();
        NpmSpec Spec(string network, int n) => new(network, null, 1_718_100_000 + n, Sha256Hex((byte)n, 0), Sha256Hex((byte)n, 1),
            $"signed by npm {n}", 3600 * n, 9 + n, null, null);
        return
        [
            Spec("bc", 1),
            Spec("bc", 2) with { msat = "2500000000", fallback = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" },
            Spec("tb", 3) with { msat = "123456789", fallback = "mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP" },
            Spec("bcrt", 4) with { msat = "1000", route = [new NpmHop(hopKey, "0001a2000b0c0001", 1000, 250, 144), new NpmHop(hopKey, "00000000000000ff", 0, 1, 40)] },
            Spec("bcrt", 5),
            Spec("sb", 6) with { msat = "10", description = "ナンセンス 1杯" },
        ];
    }

    private static string Describe(RouteHintHop hop) =>
        $"{hop.Pubkey.ToHex()}/{hop.ShortChannelId:x16}/{hop.FeeBaseMsat}/{hop.FeeProportionalMillionths}/{hop.CltvExpiryDelta}";

    private static string Sha256Hex(params byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));

    private static FallbackAddress Fallback(string address, BitcoinNetwork network) => FallbackAddresses.FromAddress(address, network);

#pragma warning disable IDE1006 // JSON property names for the node script.
    private sealed record NpmSpec(string network, string? msat, long timestamp, string hash, string secret, string description,
        long expiry, int cltv, string? fallback, NpmHop[]? route);

    private sealed record NpmHop(string pubkey, string short_channel_id, int fee_base_msat, int fee_proportional_millionths, int cltv_expiry_delta);
#pragma warning restore IDE1006
}
