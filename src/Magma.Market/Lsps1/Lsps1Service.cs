using Magma.Lightning.Bitcoin;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Market.Orders;
using Magma.Market.Pricing;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Lsps1;

/// <summary>
/// bLIP-51 on the marketplace engine: get_info's limits, create_order onto the house seller or a ranked automated
/// offer, get_order derived from the engine order. Every method speaks LSPS1 errors (<see cref="Lsps1Exception"/>).
/// </summary>
public sealed class Lsps1Service(
    SqliteDatabase database,
    HouseSeller house,
    Lsps1ClientAccount clients,
    Lsps1Placement placement,
    Lsps1OfferRanking ranking,
    Lsps1SellerAcceptance acceptance,
    Lsps1OrderReader reader,
    TimeProvider time,
    IOptions<Lsps1Options> options,
    IOptions<MarketOptions> market)
{
    private Lsps1Info? _info;

    public Lsps1Info Info => _info ?? throw new InvalidOperationException("LSPS1 is not initialised.");

    public BitcoinNetwork Network => house.PlatformNode.Network;

    /// <summary>Start-up: the announced limits are built and checked once; a contradiction stops the host.</summary>
    public async Task Initialize()
    {
        var node = await house.PlatformNode.GetInfo();
        _info = Lsps1Info.Build(options.Value, market.Value.HouseSeller, node.Uris);
        await clients.Ensure();
    }

    public async Task<Lsps1OrderView> Create(Lsps1Route route, Lsps1Request request, CancellationToken cancellationToken = default)
    {
        Lsps1RequestRules.Check(request, Info, options.Value);
        try
        {
            if (route == Lsps1Route.House)
                return await PlaceWithHouse(await HouseOffer(), request, route, cancellationToken);
            foreach (var candidate in await ranking.Rank(route, request, cancellationToken))
            {
                if (candidate.Offer.IsHouse)
                    return await PlaceWithHouse(candidate.Offer, request, route, cancellationToken);
                var row = NewRow(route, request, candidate.FeeTotalSat, await OnchainAddress(request, cancellationToken));
                var order = await placement.Marketplace(candidate.Offer, request, row);
                if (await acceptance.Await(order.Id, cancellationToken) is { } accepted)
                    return Lsps1States.View(accepted, row);
            }
        }
        catch (MagmaException ex) when (ex.Error == MarketErrors.NoMatchingOffer)
        {
            throw new Lsps1Exception(Lsps1Codes.Unavailable, "No liquidity is available for this order right now; try a smaller lsp_balance_sat or later.");
        }
        throw new Lsps1Exception(Lsps1Codes.Unavailable, "No seller can serve this order right now.");
    }

    public async Task<Lsps1OrderView> Get(string orderId)
    {
        var found = await reader.Find(orderId);
        return found is null
            ? throw new Lsps1Exception(Lsps1Codes.NotFound, "Order with the requested order_id has not been found.")
            : Lsps1States.View(found.Order, found.Lsps1);
    }

    private async Task<Lsps1OrderView> PlaceWithHouse(Offer offer, Lsps1Request request, Lsps1Route route, CancellationToken cancellationToken)
    {
        var fee = OrderPricing.Quote(offer, (long)request.LspBalanceSat, market.Value.PlatformFeePpm).BuyerTotal;
        var row = NewRow(route, request, fee, await OnchainAddress(request, cancellationToken));
        var (order, _) = await placement.House(offer, request, row, cancellationToken);
        return Lsps1States.View(order, row);
    }

    /// <summary>bLIP-51: no refund address, no on-chain option. Each order gets a fresh address of the house wallet.</summary>
    private async Task<string?> OnchainAddress(Lsps1Request request, CancellationToken cancellationToken) =>
        options.Value.OnchainPayments && request.RefundOnchainAddress is not null
            ? await house.PlatformNode.NewAddress(cancellationToken)
            : null;

    private async Task<Offer> HouseOffer()
    {
        // Read on every create_order, so a prepared read rather than an EF query.
        var offer = (await database.Rows<MarketDbContext, Offer>("id = $p0", house.OfferId)).SingleOrDefault();
        return offer is { Status: OfferStatus.Enabled }
            ? offer
            : throw new Lsps1Exception(Lsps1Codes.Unavailable, "The house seller is not taking orders.");
    }

    private Lsps1Order NewRow(Lsps1Route route, Lsps1Request request, long feeTotalSat, string? address)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var confirmations = options.Value.MinOnchainPaymentConfirmations;
        return new Lsps1Order
        {
            OrderId = OrderTransitions.NewId(now), Route = route,
            LspBalanceSat = (long)request.LspBalanceSat, ClientBalanceSat = (long)request.ClientBalanceSat,
            RequiredChannelConfirmations = request.RequiredChannelConfirmations, FundingConfirmsWithinBlocks = request.FundingConfirmsWithinBlocks,
            ChannelExpiryBlocks = request.ChannelExpiryBlocks, AnnounceChannel = request.AnnounceChannel, Token = request.Token ?? "",
            PublicKey = request.PublicKey, RefundOnchainAddress = request.RefundOnchainAddress, CreatedAtText = Lsps1Dates.Format(now),
            FeeTotalSat = feeTotalSat, OrderTotalSat = feeTotalSat + (long)request.ClientBalanceSat,
            OnchainAddress = address, OnchainMinConfirmations = confirmations,
            OnchainMinFeeFor0Conf = confirmations == 0 ? options.Value.MinFeeFor0ConfSatPerKw : null,
            OnchainWatchUntil = address is null ? null : now + market.Value.Timeouts.BuyerPayment + options.Value.OnchainWatchPeriod,
        };
    }
}
