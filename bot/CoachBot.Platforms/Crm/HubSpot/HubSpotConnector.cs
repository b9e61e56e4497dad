using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>
/// HubSpot through CRM v3: owners; deals and the five activity objects listed with `after` paging for a full load and
/// read through the search API (hs_lastmodifieddate, ascending) once a cursor exists.
/// </summary>
public sealed class HubSpotConnector(
    HubSpotClient client, HubSpotPipelineStages pipelines, IOptions<HubSpotOptions> options, ILogger<HubSpotConnector> logger) : ICrmConnector
{
    internal static readonly string[] DealProperties =
    [
        "dealname", "amount", "deal_currency_code", "dealstage", "pipeline", "closedate", "createdate", "hs_lastmodifieddate",
        "hubspot_owner_id", "hs_is_closed_won", "hs_is_closed", "notes_last_updated", "hs_v2_date_entered_current_stage",
    ];

    internal static readonly string[] ActivityProperties = ["hs_timestamp", "hubspot_owner_id", "hs_lastmodifieddate", "hs_createdate"];

    internal static readonly (string Object, CrmActivityKind Kind)[] ActivityObjects =
    [
        ("calls", CrmActivityKind.Call), ("emails", CrmActivityKind.Email), ("meetings", CrmActivityKind.Meeting),
        ("tasks", CrmActivityKind.Task), ("notes", CrmActivityKind.Note),
    ];

    public CrmKind Kind => CrmKind.HubSpot;

    public string? NotConfiguredReason => options.Value.Enabled
        ? null
        : "HubSpot needs a private app's access token in Crm:HubSpot:AccessToken (environment variable Crm__HubSpot__AccessToken), then a restart.";

    public async Task<IReadOnlyList<CrmOwner>> OwnersAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        var owners = new List<CrmOwner>();
        string? after = null;
        do
        {
            var page = await client.GetAsync<HubSpotOwnerPage>(connection,
                $"crm/v3/owners?limit=100&archived=false{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}", cancellationToken);
            owners.AddRange(page.Results.Select(o => new CrmOwner(o.Id, o.Email, $"{o.FirstName} {o.LastName}".Trim() is { Length: > 0 } name ? name : null)));
            after = page.Paging?.Next?.After;
        }
        while (after is not null);

        return owners;
    }

    public async Task<CrmPage<CrmDeal>> DealsAsync(CrmConnection connection, CrmCursor cursor, CancellationToken cancellationToken)
    {
        var stages = await pipelines.ForAsync(connection, cancellationToken);
        var token = HubSpotPageToken.Parse(cursor.Page, cursor.ModifiedSince);
        var (items, next) = await ReadAsync(connection, "deals", DealProperties, false, token, cancellationToken);
        return new CrmPage<CrmDeal>([.. items.Select(d => HubSpotMapping.Deal(d, stages))], next?.ToString());
    }

    public async Task<CrmPage<CrmActivity>> ActivitiesAsync(CrmConnection connection, CrmCursor cursor, CancellationToken cancellationToken)
    {
        // "{type index}/{token}": one cursor walks the five object types in turn.
        var slash = cursor.Page?.IndexOf('/') ?? -1;
        var index = slash > 0 && int.TryParse(cursor.Page![..slash], out var i) && i >= 0 && i < ActivityObjects.Length ? i : 0;
        var inner = slash > 0 ? cursor.Page![(slash + 1)..] : null;
        var (objectName, kind) = ActivityObjects[index];
        var token = HubSpotPageToken.Parse(inner, cursor.ModifiedSince);
        var (items, next) = await ReadAsync(connection, objectName, ActivityProperties, true, token, cancellationToken);
        var activities = items.Select(a => HubSpotMapping.Activity(a, kind)).ToList();
        var nextPage = next is { } n ? $"{index}/{n}" : index + 1 < ActivityObjects.Length ? $"{index + 1}/" : null;
        return new CrmPage<CrmActivity>(activities, nextPage);
    }

    private async Task<(IReadOnlyList<HubSpotObject> Items, HubSpotPageToken? Next)> ReadAsync(
        CrmConnection connection, string objectName, string[] properties, bool withDeals, HubSpotPageToken token, CancellationToken cancellationToken)
    {
        var size = options.Value.PageSize;
        if (!token.Search)
        {
            var query = $"crm/v3/objects/{objectName}?limit={size}&archived=false&properties={string.Join(',', properties)}"
                + (withDeals ? "&associations=deals" : "") + (token.After is { } a ? $"&after={Uri.EscapeDataString(a)}" : "");
            var list = await client.GetAsync<HubSpotPage>(connection, query, cancellationToken);
            return (list.Results, list.Paging?.Next?.After is { } after ? token with { After = after } : null);
        }

        var body = new HubSpotSearch(
            [new([new("hs_lastmodifieddate", "GTE", token.Since!.Value.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))])],
            [new("hs_lastmodifieddate", "ASCENDING")], properties, size, token.After);
        var page = await client.PostAsync<HubSpotPage>(connection, $"crm/v3/objects/{objectName}/search", body, true, cancellationToken);
        var items = withDeals && page.Results.Count > 0 ? await WithDealsAsync(connection, objectName, page.Results, cancellationToken) : page.Results;
        if (page.Paging?.Next?.After is not { } nextAfter)
        {
            return (items, null);
        }

        if (!int.TryParse(nextAfter, out var offset) || offset + size <= options.Value.SearchResultLimit)
        {
            return (items, token with { After = nextAfter });
        }

        // The search API answers at most 10,000 results per query and refuses to page further (400). Results are sorted
        // by hs_lastmodifieddate, so a new query from the last modified time seen (GTE: the few at that exact time are read
        // twice, harmlessly) carries on where this one must stop.
        var last = items.Max(HubSpotMapping.ModifiedAt);
        if (last <= token.Since)
        {
            Log.SearchTie(logger, options.Value.SearchResultLimit, objectName, last);
            last = token.Since.Value.AddMilliseconds(1);
        }

        Log.SearchRestarted(logger, options.Value.SearchResultLimit, last);
        return (items, new HubSpotPageToken(true, last, null));
    }

    // Search results carry no associations: one v4 batch read per page finds each activity's deal.
    private async Task<IReadOnlyList<HubSpotObject>> WithDealsAsync(CrmConnection connection, string objectName, List<HubSpotObject> items, CancellationToken cancellationToken)
    {
        var batch = await client.PostAsync<HubSpotAssociationBatch>(connection, $"crm/v4/associations/{objectName}/deals/batch/read",
            new { inputs = items.Select(i => new { id = i.Id }).ToArray() }, false, cancellationToken);
        var deals = batch.Results.Where(r => r.To.Count > 0).ToDictionary(r => r.From.Id, r => r.To[0].ToObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return [.. items.Select(i => deals.TryGetValue(i.Id, out var deal)
            ? i with { Associations = new() { ["deals"] = new HubSpotAssociations([new HubSpotAssociated(deal)]) } }
            : i)];
    }
}
