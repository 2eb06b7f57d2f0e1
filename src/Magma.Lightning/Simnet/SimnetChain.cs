using System.Security.Cryptography;

using Magma.Lightning.Bitcoin;
using Magma.Lightning.Simnet.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

/// <summary>Chain bookkeeping shared by Simnet's operations: txids, addresses, coin selection, fees.</summary>
internal static class SimnetChain
{
    /// <summary>Rough vbytes of a segwit transaction: enough for fee arithmetic, not a serializer.</summary>
    public static long EstimateVsize(int inputs, int outputs) => 11 + 68L * inputs + 31L * outputs;

    public static string NewTxid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string BlockHash(string previous, int height) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{previous}:{height}:{Guid.NewGuid()}")));

    public static async Task<int> TipHeight(SimnetDbContext db) => await db.Blocks.MaxAsync(b => (int?)b.Height) ?? 0;

    public static int? Confirmations(int? blockHeight, int tipHeight) => blockHeight is null ? 0 : tipHeight - blockHeight.Value + 1;

    /// <summary>A fresh P2WPKH address owned by a node's wallet.</summary>
    public static string NewAddress(SimnetDbContext db, string owner, BitcoinNetwork network, DateTime now)
    {
        var address = SegwitAddress.FromProgram(network, 0, RandomNumberGenerator.GetBytes(20)).Encode();
        db.Addresses.Add(new SimAddress { Address = address, OwnerPubkey = owner, CreatedAt = now });
        return address;
    }

    /// <summary>A P2WSH output script address for funding outputs nobody's wallet owns.</summary>
    public static string FundingAddress(BitcoinNetwork network) =>
        SegwitAddress.FromProgram(network, 0, RandomNumberGenerator.GetBytes(32)).Encode();

    public static async Task FundNewWallet(SimnetDbContext db, string owner, long amountSat, BitcoinNetwork network, DateTime now)
    {
        if (amountSat <= 0)
            return;
        var txid = NewTxid();
        db.Transactions.Add(new SimTransaction { Txid = txid, Kind = SimTransactionKind.Coinbase, FeeSat = 0, BlockHeight = await TipHeight(db), BlockIndex = 0, CreatedAt = now });
        db.Outputs.Add(new SimOutput { Txid = txid, Vout = 0, Address = NewAddress(db, owner, network, now), AmountSat = amountSat, OwnerPubkey = owner });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Picks confirmed unspent outputs of the owner, largest first, covering <paramref name="amountSat"/> plus
    /// the fee for the inputs taken. Returns null when the wallet cannot afford it.
    /// </summary>
    public static async Task<(List<SimOutput> Inputs, long FeeSat)?> SelectCoins(SimnetDbContext db, string owner, long amountSat, long satPerVbyte, int outputs)
    {
        var candidates = await db.Outputs
            .Where(o => o.OwnerPubkey == owner && o.SpentByTxid == null)
            .Join(db.Transactions.Where(t => t.BlockHeight != null), o => o.Txid, t => t.Txid, (o, _) => o)
            .ToListAsync();
        var inputs = new List<SimOutput>();
        long total = 0;
        foreach (var output in candidates.OrderByDescending(o => o.AmountSat))
        {
            inputs.Add(output);
            total += output.AmountSat;
            var fee = satPerVbyte * EstimateVsize(inputs.Count, outputs);
            if (total >= amountSat + fee)
                return (inputs, fee);
        }
        return null;
    }

    /// <summary>Records a mempool transaction spending <paramref name="inputs"/>; change returns to the owner.</summary>
    public static SimTransaction Spend(SimnetDbContext db, SimTransactionKind kind, string owner, List<SimOutput> inputs, long feeSat,
        IReadOnlyList<(string Address, long AmountSat, string? Owner)> payments, BitcoinNetwork network, DateTime now)
    {
        var tx = new SimTransaction { Txid = NewTxid(), Kind = kind, FeeSat = feeSat, CreatedAt = now };
        db.Transactions.Add(tx);
        foreach (var input in inputs)
            input.SpentByTxid = tx.Txid;
        var vout = 0;
        foreach (var (address, amount, paymentOwner) in payments)
            db.Outputs.Add(new SimOutput { Txid = tx.Txid, Vout = vout++, Address = address, AmountSat = amount, OwnerPubkey = paymentOwner });
        var change = inputs.Sum(i => i.AmountSat) - payments.Sum(p => p.AmountSat) - feeSat;
        if (change > 0)
            db.Outputs.Add(new SimOutput { Txid = tx.Txid, Vout = vout, Address = NewAddress(db, owner, network, now), AmountSat = change, OwnerPubkey = owner });
        return tx;
    }

    /// <summary>A made-up but monotone fee market: the sooner, the dearer.</summary>
    public static long FeeRateFor(int targetConf) => targetConf switch
    {
        <= 1 => 25,
        <= 3 => 12,
        <= 6 => 6,
        <= 24 => 3,
        _ => 1,
    };

    /// <summary>BOLT 7 short channel id: block height, index in block, output index.</summary>
    public static long ShortChannelId(int blockHeight, int txIndex, int vout) =>
        ((long)blockHeight << 40) | ((long)txIndex << 16) | (long)vout;
}
