using System.Text.Json;
using Magma.Testing;

namespace Magma.Lightning.Tests.Simnet;

public sealed class SimnetInvoiceInteropTests : SimnetTestBase
{
    /// <summary>An independent decoder (npm bolt11 on libsecp256k1) must accept Simnet's invoices and recover the node's key.</summary>
    [NodeToolFact("bolt11")]
    public async Task ASimnetInvoiceDecodesInNpmBolt11WithTheNodesPubkey()
    {
        var seller = await NewNode("seller");
        var invoice = await seller.CreateInvoice(new CreateInvoiceParams(123_000, "interop"));

        var output = await NodeTools.RunScript("""
            const bolt11 = require('bolt11');
            let input = '';
            process.stdin.on('data', d => input += d).on('end', () => {
              const regtest = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] };
              const d = bolt11.decode(input.trim(), regtest);
              const tag = name => (d.tags.find(t => t.tagName === name) || {}).data;
              console.log(JSON.stringify({ payee: d.payeeNodeKey, msat: d.millisatoshis, hash: tag('payment_hash'), description: tag('description'), complete: d.complete }));
            });
            """, invoice.PaymentRequest);

        using var decoded = JsonDocument.Parse(output);
        var root = decoded.RootElement;
        Assert.Equal(seller.Pubkey.ToHex(), root.GetProperty("payee").GetString());
        Assert.Equal("123000", root.GetProperty("msat").GetString());
        Assert.Equal(invoice.PaymentHash, root.GetProperty("hash").GetString());
        Assert.Equal("interop", root.GetProperty("description").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
    }
}
