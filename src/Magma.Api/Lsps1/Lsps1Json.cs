using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Magma.Market.Lsps1;

namespace Magma.Api.Lsps1;

/// <summary>
/// Writes LSPS1's wire form by hand, so the types are exactly what strict clients decode (lsps1-rest.md §6.4):
/// every <c>*_sat</c> a decimal string, counts numbers, optional keys omitted rather than null — except
/// <c>channel</c>, which is <c>null</c> until funding — and characters unescaped where JSON allows.
/// </summary>
public static class Lsps1Json
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Info(Lsps1Info info) => Write(w => WriteInfo(w, info));

    public static byte[] Order(Lsps1OrderView order) => Write(w => WriteOrder(w, order));

    public static byte[] Error(Lsps1Exception error, bool withTopLevelMessage = true) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("error");
        WriteError(w, error);
        if (withTopLevelMessage)
            w.WriteString("message", $"{Lsps1Codes.MessageOf(error.Code)}: {error.Detail}");
        w.WriteEndObject();
    });

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteInfo(Utf8JsonWriter w, Lsps1Info info)
    {
        w.WriteStartObject();
        w.WriteNumber("min_required_channel_confirmations", info.MinRequiredChannelConfirmations);
        w.WriteNumber("min_funding_confirms_within_blocks", info.MinFundingConfirmsWithinBlocks);
        w.WriteBoolean("supports_zero_channel_reserve", info.SupportsZeroChannelReserve);
        w.WriteNumber("max_channel_expiry_blocks", info.MaxChannelExpiryBlocks);
        Sat(w, "min_initial_client_balance_sat", info.MinInitialClientBalanceSat);
        Sat(w, "max_initial_client_balance_sat", info.MaxInitialClientBalanceSat);
        Sat(w, "min_initial_lsp_balance_sat", info.MinInitialLspBalanceSat);
        Sat(w, "max_initial_lsp_balance_sat", info.MaxInitialLspBalanceSat);
        Sat(w, "min_channel_balance_sat", info.MinChannelBalanceSat);
        Sat(w, "max_channel_balance_sat", info.MaxChannelBalanceSat);
        w.WriteStartArray("uris");
        foreach (var uri in info.Uris)
            w.WriteStringValue(uri);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteOrder(Utf8JsonWriter w, Lsps1OrderView order)
    {
        w.WriteStartObject();
        w.WriteString("order_id", order.OrderId);
        Sat(w, "lsp_balance_sat", order.LspBalanceSat);
        Sat(w, "client_balance_sat", order.ClientBalanceSat);
        w.WriteNumber("required_channel_confirmations", order.RequiredChannelConfirmations);
        w.WriteNumber("funding_confirms_within_blocks", order.FundingConfirmsWithinBlocks);
        w.WriteNumber("channel_expiry_blocks", order.ChannelExpiryBlocks);
        w.WriteString("token", order.Token);
        w.WriteString("created_at", order.CreatedAt);
        w.WriteBoolean("announce_channel", order.AnnounceChannel);
        w.WriteString("order_state", order.OrderState);
        w.WriteStartObject("payment");
        if (order.Bolt11 is { } bolt11)
        {
            w.WriteStartObject("bolt11");
            w.WriteString("state", bolt11.State);
            w.WriteString("expires_at", bolt11.ExpiresAt);
            Sat(w, "fee_total_sat", bolt11.FeeTotalSat);
            Sat(w, "order_total_sat", bolt11.OrderTotalSat);
            w.WriteString("invoice", bolt11.Invoice);
            w.WriteEndObject();
        }
        if (order.Onchain is { } onchain)
        {
            w.WriteStartObject("onchain");
            w.WriteString("state", onchain.State);
            w.WriteString("expires_at", onchain.ExpiresAt);
            Sat(w, "fee_total_sat", onchain.FeeTotalSat);
            Sat(w, "order_total_sat", onchain.OrderTotalSat);
            w.WriteString("address", onchain.Address);
            w.WriteNumber("min_onchain_payment_confirmations", onchain.MinOnchainPaymentConfirmations);
            if (onchain.MinFeeFor0Conf is { } rate)
                w.WriteNumber("min_fee_for_0conf", rate);
            if (onchain.RefundOnchainAddress is { } refund)
                w.WriteString("refund_onchain_address", refund);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        if (order.Channel is { } channel)
        {
            w.WriteStartObject("channel");
            w.WriteString("funded_at", channel.FundedAt);
            w.WriteString("funding_outpoint", channel.FundingOutpoint);
            w.WriteString("expires_at", channel.ExpiresAt);
            w.WriteEndObject();
        }
        else
            w.WriteNull("channel");
        w.WriteEndObject();
    }

    /// <summary>The JSON-RPC error object; <c>data</c> carries what bLIP-50/51 define for each code.</summary>
    public static void WriteError(Utf8JsonWriter w, Lsps1Exception error)
    {
        w.WriteStartObject();
        w.WriteNumber("code", error.Code);
        w.WriteString("message", Lsps1Codes.MessageOf(error.Code));
        w.WriteStartObject("data");
        switch (error.Code)
        {
            case Lsps1Codes.InvalidParams:
                w.WriteString("property", error.Property ?? "");
                w.WriteString("message", error.Detail);
                w.WriteStartArray("unrecognized");
                w.WriteEndArray();
                break;
            case Lsps1Codes.OptionMismatch:
                w.WriteString("property", error.Property ?? "");
                w.WriteString("message", error.Detail);
                break;
            case Lsps1Codes.NotFound or Lsps1Codes.InvalidToken:
                break;
            default:
                w.WriteString("message", error.Detail);
                break;
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Sat(Utf8JsonWriter w, string name, long sats) => w.WriteString(name, sats.ToString(CultureInfo.InvariantCulture));
}
