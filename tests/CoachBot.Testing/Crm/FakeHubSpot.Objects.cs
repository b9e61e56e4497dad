using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Crm;

// The records the fake holds and the endpoints that read them.
public sealed partial class FakeHubSpot
{
    public static readonly string[] ActivityTypes = ["calls", "emails", "meetings", "tasks", "notes"];

    private readonly Lock _dataLock = new();
    private readonly List<(string Id, string Email, string First, string Last)> _owners = [];
    private readonly Dictionary<string, List<FakeRecord>> _objects = new[] { "deals" }.Concat(ActivityTypes).ToDictionary(t => t, _ => new List<FakeRecord>());
    private readonly Dictionary<string, FakeRecord> _byId = [];
    private long _nextId = 1000;
    private int _dealPagesServed;

    public string AddOwner(string email, string firstName, string lastName)
    {
        lock (_dataLock)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            _owners.Add((id, email, firstName, lastName));
            return id;
        }
    }

    /// <summary>A deal in the default pipeline; stage is a stage id (appointmentscheduled … closedwon, closedlost).</summary>
    public string AddDeal(string? ownerId, string name, decimal? amount, string stage = "appointmentscheduled", DateOnly? closeDate = null,
        DateTimeOffset? modifiedAt = null, DateTimeOffset? enteredStageAt = null)
    {
        var modified = modifiedAt ?? DateTimeOffset.UtcNow;
        var closed = stage is "closedwon" or "closedlost";
        return Add("deals", new Dictionary<string, string?>
        {
            ["dealname"] = name,
            ["amount"] = amount?.ToString(CultureInfo.InvariantCulture),
            ["deal_currency_code"] = "EUR",
            ["dealstage"] = stage,
            ["pipeline"] = "default",
            ["closedate"] = closeDate is { } c ? Iso(new DateTimeOffset(c.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null,
            ["createdate"] = Iso(modified.AddDays(-30)),
            ["hs_lastmodifieddate"] = Iso(modified),
            ["hubspot_owner_id"] = ownerId,
            ["hs_is_closed_won"] = stage == "closedwon" ? "true" : "false",
            ["hs_is_closed"] = closed ? "true" : "false",
            ["notes_last_updated"] = Iso(modified.AddDays(-2)),
            ["hs_v2_date_entered_current_stage"] = Iso(enteredStageAt ?? modified.AddDays(-5)),
        }, null);
    }

    public string AddActivity(string type, string? ownerId, string? dealId, DateTimeOffset occurredAt, DateTimeOffset? modifiedAt = null) =>
        Add(type, new Dictionary<string, string?>
        {
            ["hs_timestamp"] = Iso(occurredAt),
            ["hubspot_owner_id"] = ownerId,
            ["hs_createdate"] = Iso(occurredAt),
            ["hs_lastmodifieddate"] = Iso(modifiedAt ?? DateTimeOffset.UtcNow),
        }, dealId);

    /// <summary>Changes a deal's properties as a HubSpot user would; hs_lastmodifieddate moves to now.</summary>
    public void UpdateDeal(string id, IReadOnlyDictionary<string, string?> changes, DateTimeOffset? modifiedAt = null)
    {
        lock (_dataLock)
        {
            var record = _byId[id];
            foreach (var (key, value) in changes)
            {
                record.Properties[key] = value;
            }

            record.Properties["hs_lastmodifieddate"] = Iso(modifiedAt ?? DateTimeOffset.UtcNow);
        }
    }

    public int Count(string type)
    {
        lock (_dataLock)
        {
            return _objects[type].Count;
        }
    }

    private string Add(string type, Dictionary<string, string?> properties, string? dealId)
    {
        lock (_dataLock)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            properties["hs_object_id"] = id;
            var record = new FakeRecord(id, long.Parse(id, CultureInfo.InvariantCulture), properties, dealId);
            _objects[type].Add(record);
            _byId[id] = record;
            return id;
        }
    }

    private IResult Owners(HttpRequest request)
    {
        var limit = IntQuery(request, "limit", 100, 500);
        var after = IntQuery(request, "after", 0, int.MaxValue);
        lock (_dataLock)
        {
            var page = _owners.Skip(after).Take(limit).Select(o => new JsonObject
            {
                ["id"] = o.Id,
                ["email"] = o.Email,
                ["type"] = "PERSON",
                ["firstName"] = o.First,
                ["lastName"] = o.Last,
                ["userId"] = long.Parse(o.Id, CultureInfo.InvariantCulture) + 9000,
                ["createdAt"] = "2025-01-01T00:00:00.000Z",
                ["updatedAt"] = "2025-01-01T00:00:00.000Z",
                ["archived"] = false,
            }).ToArray();
            return Page(page, after + limit < _owners.Count ? (after + limit).ToString(CultureInfo.InvariantCulture) : null);
        }
    }

    // `after` is the id to start from, as HubSpot's own list cursors are: stable while records are added or changed.
    private IResult List(HttpRequest request, string type)
    {
        if (!_objects.ContainsKey(type))
        {
            return Results.Json(Error($"Unable to infer object type from: {type}", "OBJECT_NOT_FOUND"), statusCode: 400);
        }

        if (type == "deals" && BreakDealPagesAfter is { } breakAfter && Interlocked.Increment(ref _dealPagesServed) > breakAfter)
        {
            return Results.Json(Error("internal error", "INTERNAL_ERROR"), statusCode: 503);
        }

        var limit = IntQuery(request, "limit", 10, 100);
        var properties = Properties(request.Query["properties"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries));
        var withDeals = request.Query["associations"].ToString().Contains("deals", StringComparison.Ordinal);
        var after = long.TryParse(request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        lock (_dataLock)
        {
            var all = _objects[type];
            var start = all.BinarySearch(new FakeRecord("", after, [], null), FakeRecord.ByNumber);
            start = start < 0 ? ~start : start;
            var page = all.Skip(start).Take(limit + 1).ToList();
            var next = page.Count > limit ? page[limit].Number.ToString(CultureInfo.InvariantCulture) : null;
            return Page([.. page.Take(limit).Select(r => r.ToJson(properties, withDeals))], next);
        }
    }

    private async Task<IResult> SearchAsync(HttpRequest request, string type)
    {
        var body = await BodyAsync(request) ?? [];
        var limit = Math.Min(body["limit"]?.GetValue<int>() ?? 10, 200);
        var after = int.TryParse(body["after"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        if (after + limit > SearchResultCap)
        {
            return Results.Json(Error($"The search API returns at most {SearchResultCap} results for a query; narrow the filters.", "VALIDATION_ERROR"), statusCode: 400);
        }

        var filter = body["filterGroups"]?[0]?["filters"]?[0];
        var since = filter?["propertyName"]?.GetValue<string>() == "hs_lastmodifieddate" && filter["operator"]?.GetValue<string>() == "GTE"
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(filter["value"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            : DateTimeOffset.MinValue;
        var properties = Properties(body["properties"]?.AsArray().Select(p => p!.GetValue<string>()) ?? []);
        lock (_dataLock)
        {
            var matching = _objects[type].Where(r => r.Modified >= since).OrderBy(r => r.Modified).ThenBy(r => r.Number).ToList();
            var page = matching.Skip(after).Take(limit).Select(r => r.ToJson(properties, false)).ToArray();
            var result = Page(page, after + limit < matching.Count ? (after + limit).ToString(CultureInfo.InvariantCulture) : null, matching.Count);
            return result;
        }
    }

    private async Task<IResult> AssociationsAsync(HttpRequest request, string type)
    {
        var body = await BodyAsync(request) ?? [];
        var ids = body["inputs"]?.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList() ?? [];
        lock (_dataLock)
        {
            var results = ids.Where(id => _byId.TryGetValue(id, out var r) && r.DealId is not null).Select(id => new JsonObject
            {
                ["from"] = new JsonObject { ["id"] = id },
                ["to"] = new JsonArray(new JsonObject
                {
                    ["toObjectId"] = long.Parse(_byId[id].DealId!, CultureInfo.InvariantCulture),
                    ["associationTypes"] = new JsonArray(new JsonObject { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = 206, ["label"] = null }),
                }),
            }).ToArray();
            return Results.Json(new JsonObject
            {
                ["status"] = "COMPLETE",
                ["results"] = new JsonArray(results),
                ["startedAt"] = Iso(DateTimeOffset.UtcNow),
                ["completedAt"] = Iso(DateTimeOffset.UtcNow),
            });
        }
    }

    private static IResult Pipelines() => Results.Json(new JsonObject
    {
        ["results"] = new JsonArray(new JsonObject
        {
            ["id"] = "default",
            ["label"] = "Sales Pipeline",
            ["displayOrder"] = 0,
            ["archived"] = false,
            ["stages"] = new JsonArray(
                Stage("appointmentscheduled", "Appointment Scheduled", "0.2", false),
                Stage("qualifiedtobuy", "Qualified To Buy", "0.4", false),
                Stage("presentationscheduled", "Presentation Scheduled", "0.6", false),
                Stage("decisionmakerboughtin", "Decision Maker Bought-In", "0.8", false),
                Stage("contractsent", "Contract Sent", "0.9", false),
                Stage("closedwon", "Closed Won", "1.0", true),
                Stage("closedlost", "Closed Lost", "0.0", true)),
        }),
    });

    private static JsonObject Stage(string id, string label, string probability, bool closed) => new()
    {
        ["id"] = id,
        ["label"] = label,
        ["displayOrder"] = 0,
        ["archived"] = false,
        ["metadata"] = new JsonObject { ["isClosed"] = closed ? "true" : "false", ["probability"] = probability },
    };

    private static IResult Page(JsonObject[] results, string? next, int? total = null)
    {
        var page = new JsonObject { ["results"] = new JsonArray(results) };
        if (total is { } t)
        {
            page["total"] = t;
        }

        if (next is not null)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = $"?after={next}" } };
        }

        return Results.Json(page);
    }

    // HubSpot always returns these three, whatever was asked for.
    private static HashSet<string> Properties(IEnumerable<string> asked) => [.. asked, "hs_object_id", "createdate", "hs_lastmodifieddate"];

    private sealed record FakeRecord(string Id, long Number, Dictionary<string, string?> Properties, string? DealId)
    {
        public static readonly IComparer<FakeRecord> ByNumber = Comparer<FakeRecord>.Create((a, b) => a.Number.CompareTo(b.Number));

        public DateTimeOffset Modified => DateTimeOffset.Parse(Properties["hs_lastmodifieddate"]!, CultureInfo.InvariantCulture);

        public JsonObject ToJson(HashSet<string> properties, bool withDeals)
        {
            var props = new JsonObject();
            foreach (var name in properties)
            {
                props[name] = Properties.TryGetValue(name, out var value) ? value : null;
            }

            var json = new JsonObject
            {
                ["id"] = Id,
                ["properties"] = props,
                ["createdAt"] = Properties.GetValueOrDefault("createdate") ?? Properties.GetValueOrDefault("hs_createdate"),
                ["updatedAt"] = Properties["hs_lastmodifieddate"],
                ["archived"] = false,
            };
            if (withDeals && DealId is not null)
            {
                json["associations"] = new JsonObject
                {
                    ["deals"] = new JsonObject { ["results"] = new JsonArray(new JsonObject { ["id"] = DealId, ["type"] = "call_to_deal" }) },
                };
            }

            return json;
        }
    }
}
