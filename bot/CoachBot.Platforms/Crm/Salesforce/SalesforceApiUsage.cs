using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>The org's daily API requests so far and its allowance, from the <c>Sforce-Limit-Info: api-usage=N/M</c> header.</summary>
public sealed partial record SalesforceApiUsage(long Used, long Allowed)
{
    public const string Header = "Sforce-Limit-Info";

    public static SalesforceApiUsage? Parse(IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            if (UsagePattern().Match(value) is { Success: true } m
                && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                && long.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var allowed) && allowed > 0)
            {
                return new SalesforceApiUsage(used, allowed);
            }
        }

        return null;
    }

    public bool Passes(double share) => Used >= Allowed * share;

    public override string ToString() => $"{Used}/{Allowed}";

    [GeneratedRegex(@"api-usage=(\d+)/(\d+)")]
    private static partial Regex UsagePattern();
}
