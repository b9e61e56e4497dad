using System.Globalization;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>
/// The four SOQL queries. The only literal ever put in is a formatted UTC datetime (unquoted, as SOQL wants it), so no
/// outside text reaches a query and nothing needs escaping.
/// </summary>
public static class SalesforceSoql
{
    public const string Owners = "SELECT Id, Email, Name FROM User WHERE IsActive = true";

    public static string Deals(DateTimeOffset? since, bool withCurrency) =>
        $"SELECT Id, Name, OwnerId, Amount, {(withCurrency ? "CurrencyIsoCode, " : "")}StageName, IsClosed, IsWon, CloseDate, CreatedDate, "
        + $"LastStageChangeDate, LastActivityDate, LastModifiedDate FROM Opportunity{Since(since)} ORDER BY LastModifiedDate";

    public static string Tasks(DateTimeOffset? since) =>
        $"SELECT Id, TaskSubtype, ActivityDate, CreatedDate, OwnerId, WhatId, LastModifiedDate FROM Task{Since(since)} ORDER BY LastModifiedDate";

    public static string Events(DateTimeOffset? since) =>
        $"SELECT Id, StartDateTime, CreatedDate, OwnerId, WhatId, LastModifiedDate FROM Event{Since(since)} ORDER BY LastModifiedDate";

    /// <summary>2026-03-02T09:00:00Z. Truncated to the second: SOQL has no fractional literal, and reading a record twice is harmless.</summary>
    public static string Literal(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Since(DateTimeOffset? since) => since is { } at ? $" WHERE LastModifiedDate >= {Literal(at)}" : "";
}
