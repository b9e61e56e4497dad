using System.Globalization;
using CoachBot.Coaching.Crm;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>HubSpot objects → the core's neutral records. HubSpot sends every property as a string (ISO dates, decimal amounts).</summary>
internal static class HubSpotMapping
{
    public static CrmDeal Deal(HubSpotObject deal, IReadOnlyDictionary<string, HubSpotPipelineStages.Stage> stages)
    {
        var stageId = deal["dealstage"];
        var stage = stageId is not null && stages.TryGetValue(stageId, out var known) ? known : null;
        var status = deal["hs_is_closed_won"] == "true" ? CrmDealStatus.Won
            : deal["hs_is_closed"] == "true" ? CrmDealStatus.Lost
            : deal["hs_is_closed"] == "false" ? CrmDealStatus.Open
            : stage?.Status ?? CrmDealStatus.Open;
        var modified = ModifiedAt(deal);
        var close = Time(deal["closedate"]);
        return new CrmDeal(
            deal.Id,
            deal["dealname"] ?? "(unnamed deal)",
            deal["hubspot_owner_id"],
            decimal.TryParse(deal["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
            deal["deal_currency_code"],
            stage?.Label ?? stageId ?? "unknown",
            status,
            close is { } c ? DateOnly.FromDateTime(c.UtcDateTime) : null,
            Time(deal["createdate"]) ?? modified,
            Time(deal["hs_v2_date_entered_current_stage"]),
            status == CrmDealStatus.Open ? null : close,
            Time(deal["notes_last_updated"]),
            modified);
    }

    public static CrmActivity Activity(HubSpotObject activity, CrmActivityKind kind)
    {
        var modified = ModifiedAt(activity);
        var deal = activity.Associations is { } a && a.TryGetValue("deals", out var deals) ? deals.Results.FirstOrDefault()?.Id : null;
        return new CrmActivity(activity.Id, kind, activity["hubspot_owner_id"], deal,
            Time(activity["hs_timestamp"]) ?? Time(activity["hs_createdate"]) ?? modified, modified);
    }

    public static DateTimeOffset ModifiedAt(HubSpotObject item) => Time(item["hs_lastmodifieddate"]) ?? DateTimeOffset.UnixEpoch;

    // ISO 8601 in v3; a bare number is epoch milliseconds (older properties still come that way).
    public static DateTimeOffset? Time(string? value) =>
        value is null ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time
        : null;
}
