using Magma.Payments.Errors;

namespace Magma.Market.Tests;

public static class Refusal
{
    /// <summary>The operation fails with the catalogue's stable code; returns the exception for further checks.</summary>
    public static async Task<MagmaException> Expect(string code, Func<Task> operation)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(operation);
        Assert.Equal(code, error.Error.Code);
        return error;
    }
}
