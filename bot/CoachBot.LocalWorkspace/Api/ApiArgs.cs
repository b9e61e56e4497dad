using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.LocalWorkspace.Api;

/// <summary>
/// A Web API call's arguments, from the query string, a form body or a JSON body, as Slack accepts them.
/// Form values that carry JSON (blocks, view, metadata) are parsed on demand.
/// </summary>
public sealed class ApiArgs
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public string? BearerToken { get; private set; }
    public string? FormToken { get; private set; }
    public bool IsJson { get; private set; }
    public bool JsonMissingCharset { get; private set; }

    public static async Task<ApiArgs?> ReadAsync(HttpRequest request)
    {
        var args = new ApiArgs();
        foreach (var (key, value) in request.Query)
        {
            args._values[key] = value.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            args.BearerToken = authorization["Bearer ".Length..].Trim();
        }

        var contentType = request.ContentType ?? "";
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            args.IsJson = true;
            args.JsonMissingCharset = !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase);
            try
            {
                if (JsonNode.Parse(body) is not JsonObject json)
                {
                    return null;
                }

                foreach (var (key, value) in json)
                {
                    args._values[key] = value?.DeepClone();
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else if (body.Length > 0)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                args._values[key] = value.ToString();
            }
        }

        args.FormToken = args.String("token");
        return args;
    }

    public string? String(string name) => _values.GetValueOrDefault(name) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public bool Flag(string name) => String(name) is "true" or "1";

    public int? Int(string name) => int.TryParse(String(name), out var value) ? value : null;

    /// <summary>A JSON argument, given as JSON in a JSON body or as a JSON-encoded string in a form.</summary>
    public JsonNode? Json(string name)
    {
        var node = _values.GetValueOrDefault(name);
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new ApiErrorException($"invalid_{name}");
            }
        }

        return node?.DeepClone();
    }
}

public sealed class ApiErrorException(string error) : Exception(error)
{
    public string Error { get; } = error;
}
