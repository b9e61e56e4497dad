using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Crm;

// The org's records and the little SOQL the connector speaks: SELECT fields FROM object [WHERE …] [ORDER BY LastModifiedDate].
public sealed partial class FakeSalesforce
{
    private static readonly Dictionary<string, string[]> Schemas = new()
    {
        ["User"] = ["Id", "Email", "Name", "IsActive"],
        ["Opportunity"] = ["Id", "Name", "OwnerId", "Amount", "CurrencyIsoCode", "StageName", "IsClosed", "IsWon", "CloseDate", "CreatedDate",
            "LastStageChangeDate", "LastActivityDate", "LastModifiedDate"],
        ["Task"] = ["Id", "TaskSubtype", "ActivityDate", "CreatedDate", "OwnerId", "WhatId", "LastModifiedDate"],
        ["Event"] = ["Id", "StartDateTime", "CreatedDate", "OwnerId", "WhatId", "LastModifiedDate"],
    };

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Row>> _objects = new();
    private readonly ConcurrentDictionary<string, (string Object, IReadOnlyList<Dictionary<string, object?>> Rows)> _locators = new();
    private readonly ConcurrentDictionary<string, bool> _denied = new();

    public void AddUser(string id, string? email, string name, bool active = true) =>
        Put("User", id, new() { ["Email"] = email, ["Name"] = name, ["IsActive"] = active }, DateTimeOffset.UnixEpoch);

    /// <summary>Adds or changes an Opportunity; <paramref name="modified"/> is its LastModifiedDate.</summary>
    public void AddOpportunity(string id, string name, string ownerId, decimal? amount, string stage, DateOnly closeDate, DateTimeOffset modified,
        bool closed = false, bool won = false, DateTimeOffset? created = null, DateTimeOffset? stageChanged = null, DateOnly? lastActivity = null, string currency = "EUR") =>
        Put("Opportunity", id, new()
        {
            ["Name"] = name, ["OwnerId"] = ownerId, ["Amount"] = amount, ["CurrencyIsoCode"] = currency, ["StageName"] = stage, ["IsClosed"] = closed,
            ["IsWon"] = won, ["CloseDate"] = Date(closeDate), ["CreatedDate"] = Time(created ?? modified.AddDays(-30)),
            ["LastStageChangeDate"] = stageChanged is { } s ? Time(s) : null, ["LastActivityDate"] = lastActivity is { } a ? Date(a) : null,
        }, modified);

    public void AddTask(string id, string subtype, string ownerId, string? whatId, DateOnly? activityDate, DateTimeOffset modified) =>
        Put("Task", id, new()
        {
            ["TaskSubtype"] = subtype, ["ActivityDate"] = activityDate is { } d ? Date(d) : null, ["CreatedDate"] = Time(modified),
            ["OwnerId"] = ownerId, ["WhatId"] = whatId,
        }, modified);

    public void AddEvent(string id, string ownerId, string? whatId, DateTimeOffset start, DateTimeOffset modified) =>
        Put("Event", id, new() { ["StartDateTime"] = Time(start), ["CreatedDate"] = Time(modified), ["OwnerId"] = ownerId, ["WhatId"] = whatId }, modified);

    /// <summary>The run-as user loses Read on the object: Salesforce then answers as if it did not exist (INVALID_TYPE).</summary>
    public void DenyObject(string objectName) => _denied[objectName] = true;

    /// <summary>Every open query locator times out (Salesforce drops them after about 15 idle minutes).</summary>
    public void ExpireQueryLocators() => _locators.Clear();

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Put(string objectName, string id, Dictionary<string, object?> fields, DateTimeOffset modified)
    {
        fields["Id"] = id;
        fields["LastModifiedDate"] = Time(modified);
        _objects.GetOrAdd(objectName, _ => new())[id] = new Row(fields, modified);
    }

    private IResult Query(string version, string soql)
    {
        if (SelectPattern().Match(soql) is not { Success: true } m)
        {
            return Error(400, "MALFORMED_QUERY", $"unexpected token: '{soql.Split(' ').FirstOrDefault()}'");
        }

        var objectName = m.Groups["object"].Value;
        if (!Schemas.TryGetValue(objectName, out var schema) || _denied.ContainsKey(objectName))
        {
            return Error(400, "INVALID_TYPE", $"\n{soql}\n^\nERROR at Row:1:Column:1\nsObject type '{objectName}' is not supported.");
        }

        var fields = m.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries);
        if (fields.FirstOrDefault(f => !schema.Contains(f) || (f == "CurrencyIsoCode" && !MultiCurrency)) is { } unknown)
        {
            return Error(400, "INVALID_FIELD", $"\n{soql}\n^\nERROR at Row:1:Column:1\nNo such column '{unknown}' on entity '{objectName}'. "
                + "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
        }

        IEnumerable<Row> rows = _objects.GetOrAdd(objectName, _ => new()).Values;
        if (m.Groups["where"] is { Success: true } where)
        {
            if (where.Value == "IsActive = true" && objectName == "User")
            {
                rows = rows.Where(r => r.Fields["IsActive"] is true);
            }
            else if (SincePattern().Match(where.Value) is { Success: true } since)
            {
                var at = DateTimeOffset.Parse(since.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                rows = rows.Where(r => r.Modified >= at);
            }
            else
            {
                return Error(400, "INVALID_FIELD", $"\n{soql}\n^\nvalue of filter criterion for field 'LastModifiedDate' must be of type dateTime and should not be enclosed in quotes");
            }
        }

        var ordered = rows.OrderBy(r => r.Modified).ThenBy(r => (string)r.Fields["Id"]!, StringComparer.Ordinal)
            .Select(r => Project(objectName, version, r, fields)).ToList();
        var locator = $"01gFAKE{Guid.NewGuid():N}"[..18];
        _locators[locator] = (objectName, ordered);
        return Batch(version, locator, 0);
    }

    private IResult NextBatch(string version, string locatorAndOffset)
    {
        var dash = locatorAndOffset.LastIndexOf('-');
        return dash > 0 && _locators.ContainsKey(locatorAndOffset[..dash]) && int.TryParse(locatorAndOffset[(dash + 1)..], out var offset)
            ? Batch(version, locatorAndOffset[..dash], offset)
            : Error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    private IResult Batch(string version, string locator, int offset)
    {
        var rows = _locators[locator].Rows;
        var size = Math.Clamp(BatchSize, 1, 2000);
        var done = offset + size >= rows.Count;
        var body = new Dictionary<string, object?> { ["totalSize"] = rows.Count, ["done"] = done };
        if (!done)
        {
            body["nextRecordsUrl"] = $"/services/data/{version}/query/{locator}-{offset + size}";
        }
        else
        {
            _locators.TryRemove(locator, out _);
        }

        body["records"] = rows.Skip(offset).Take(size).ToList();
        return Results.Json(body);
    }

    private static Dictionary<string, object?> Project(string objectName, string version, Row row, string[] fields)
    {
        var record = new Dictionary<string, object?>
        {
            ["attributes"] = new { type = objectName, url = $"/services/data/{version}/sobjects/{objectName}/{row.Fields["Id"]}" },
        };
        foreach (var field in fields)
        {
            record[field] = row.Fields.GetValueOrDefault(field);
        }

        return record;
    }

    [GeneratedRegex(@"^SELECT (?<fields>[\w, ]+?) FROM (?<object>\w+)(?: WHERE (?<where>.+?))?(?: ORDER BY LastModifiedDate)?$")]
    private static partial Regex SelectPattern();

    [GeneratedRegex(@"^LastModifiedDate >= (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z)$")]
    private static partial Regex SincePattern();

    private sealed record Row(Dictionary<string, object?> Fields, DateTimeOffset Modified);
}
