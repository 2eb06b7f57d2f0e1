using Magma.Lightning.Bitcoin;
using Magma.Payments.Data;

namespace Magma.Payments.Environments;

/// <summary>
/// Which invoices an environment's wallets may pay (Send Payments page): LIVE only mainnet, SANDBOX any network, so
/// sandbox users can test against their own infrastructure. Every send path checks it, however it got the invoice.
/// </summary>
public static class InvoiceNetworkRule
{
    public static bool Allows(this EnvironmentType environment, BitcoinNetwork network) =>
        environment != EnvironmentType.Live || network == BitcoinNetwork.Mainnet;
}
