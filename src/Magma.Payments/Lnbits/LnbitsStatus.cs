namespace Magma.Payments.Lnbits;

/// <summary>LNbits' three payment states; an expired invoice counts as failed.</summary>
public enum LnbitsStatus { Pending, Success, Failed }

public static class LnbitsStatuses
{
    public static bool TryParse(string? value, out LnbitsStatus status)
    {
        status = default;
        switch (value)
        {
            case "pending":
                status = LnbitsStatus.Pending;
                return true;
            case "success":
                status = LnbitsStatus.Success;
                return true;
            case "failed":
                status = LnbitsStatus.Failed;
                return true;
            default:
                return false;
        }
    }
}
