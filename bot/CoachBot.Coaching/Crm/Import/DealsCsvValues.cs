using System.Globalization;

namespace CoachBot.Coaching.Crm.Import;

/// <summary>
/// Values in a deals file. Dates are ISO (2026-03-31, optionally with a time): 3/4/2026 reads two ways, so it is refused
/// with the format to use rather than guessed.
/// </summary>
public static class DealsCsvValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK"];

    public static bool TryDate(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>12500.50, 12,500.50 or $12,500.50; a comma as the decimal mark is refused (12,5 reads two ways).</summary>
    public static bool TryAmount(string text, out decimal amount)
    {
        amount = 0;
        var trimmed = text.Trim().TrimStart('$', '€', '£', '¥').Trim();
        var groups = trimmed.Split('.')[0].Split(',');
        if (groups.Skip(1).Any(g => g.Length != 3))
        {
            return false;
        }

        return decimal.TryParse(trimmed.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
            && amount < 10_000_000_000_000_000m;
    }

    public static bool? Flag(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        _ => null,
    };

    public static CrmDealStatus? Status(string text) => DealsCsvColumns.Key(text) switch
    {
        "open" => CrmDealStatus.Open,
        "won" or "closedwon" => CrmDealStatus.Won,
        "lost" or "closedlost" => CrmDealStatus.Lost,
        _ => null,
    };

    /// <summary>HubSpot's and Salesforce's default closing stages are named Closed Won and Closed Lost.</summary>
    public static CrmDealStatus FromStage(string stage) => DealsCsvColumns.Key(stage) switch
    {
        "closedwon" => CrmDealStatus.Won,
        "closedlost" => CrmDealStatus.Lost,
        _ => CrmDealStatus.Open,
    };
}
