using Magma.Lightning.Bitcoin;
using Magma.Lightning.Simnet.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    internal Task<string> NewAddress(string node) =>
        Write(async db =>
        {
            var address = SimnetChain.NewAddress(db, node, Network, Now);
            await db.SaveChangesAsync();
            return address;
        });

    internal async Task<WalletBalance> GetWalletBalance(string node)
    {
        await using var db = Read();
        var unspent = await db.Outputs
            .Where(o => o.OwnerPubkey == node && o.SpentByTxid == null)
            .Join(db.Transactions, o => o.Txid, t => t.Txid, (o, t) => new { o.AmountSat, Confirmed = t.BlockHeight != null })
            .ToListAsync();
        return new WalletBalance(unspent.Where(u => u.Confirmed).Sum(u => u.AmountSat), unspent.Where(u => !u.Confirmed).Sum(u => u.AmountSat));
    }

    internal async Task<SendCoinsResult> SendCoins(string node, string address, long amountSat, long satPerVbyte)
    {
        if (!SegwitAddress.TryParse(address, Network, out _) || amountSat <= 0)
            return new SendCoinsResult(SendCoinsOutcome.InvalidAddress, null);
        return await Write(async db =>
        {
            var coins = await SimnetChain.SelectCoins(db, node, amountSat, Math.Max(1, satPerVbyte), outputs: 2);
            if (coins is null)
                return new SendCoinsResult(SendCoinsOutcome.InsufficientFunds, null);
            var owner = await db.Addresses.Where(a => a.Address == address).Select(a => a.OwnerPubkey).FirstOrDefaultAsync();
            var tx = SimnetChain.Spend(db, SimTransactionKind.Send, node, coins.Value.Inputs, coins.Value.FeeSat, [(address, amountSat, owner)], Network, Now);
            await db.SaveChangesAsync();
            return new SendCoinsResult(SendCoinsOutcome.Sent, tx.Txid);
        });
    }

    /// <summary>Sandbox control: an outside wallet pays an address; the transaction waits in the mempool.</summary>
    public async Task<string?> SendFromExternal(string address, long amountSat)
    {
        if (!SegwitAddress.TryParse(address, Network, out _) || amountSat <= 0)
            return null;
        return await Write(async db =>
        {
            var tx = new SimTransaction { Txid = SimnetChain.NewTxid(), Kind = SimTransactionKind.Send, FeeSat = 0, CreatedAt = Now };
            db.Transactions.Add(tx);
            var owner = await db.Addresses.Where(a => a.Address == address).Select(a => a.OwnerPubkey).FirstOrDefaultAsync();
            db.Outputs.Add(new SimOutput { Txid = tx.Txid, Vout = 0, Address = address, AmountSat = amountSat, OwnerPubkey = owner });
            await db.SaveChangesAsync();
            return tx.Txid;
        });
    }

    internal async Task<IReadOnlyList<WalletTransaction>> ListWalletTransactions(string node)
    {
        await using var db = Read();
        var tip = await SimnetChain.TipHeight(db);
        var owned = await db.Outputs.Where(o => o.OwnerPubkey == node).Select(o => new { o.Txid, o.SpentByTxid }).ToListAsync();
        var touched = owned.Select(o => o.Txid).Concat(owned.Where(o => o.SpentByTxid != null).Select(o => o.SpentByTxid!)).Distinct().ToList();
        var transactions = await db.Transactions.Where(t => touched.Contains(t.Txid)).ToListAsync();
        var outputs = await db.Outputs.Where(o => touched.Contains(o.Txid)).ToListAsync();
        var spent = await db.Outputs.Where(o => o.OwnerPubkey == node && o.SpentByTxid != null && touched.Contains(o.SpentByTxid)).ToListAsync();
        return transactions.OrderBy(t => t.CreatedAt).Select(t =>
        {
            var own = outputs.Where(o => o.Txid == t.Txid).OrderBy(o => o.Vout).ToList();
            var received = own.Where(o => o.OwnerPubkey == node).Sum(o => o.AmountSat);
            var paid = spent.Where(o => o.SpentByTxid == t.Txid).Sum(o => o.AmountSat);
            return new WalletTransaction(t.Txid, received - paid, t.FeeSat, SimnetChain.Confirmations(t.BlockHeight, tip) ?? 0, t.BlockHeight,
                own.Select(o => new WalletTransactionOutput(o.Address, o.AmountSat, o.Vout, o.OwnerPubkey == node)).ToList());
        }).ToList();
    }

    internal async Task<int?> TransactionConfirmations(string txid)
    {
        await using var db = Read();
        var tx = await db.Transactions.FirstOrDefaultAsync(t => t.Txid == txid.ToLowerInvariant());
        return tx is null ? null : SimnetChain.Confirmations(tx.BlockHeight, await SimnetChain.TipHeight(db));
    }

    internal async Task<string> TipHash()
    {
        await using var db = Read();
        return await db.Blocks.OrderByDescending(b => b.Height).Select(b => b.Hash).FirstAsync();
    }
}
