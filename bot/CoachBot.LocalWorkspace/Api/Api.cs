using System.Text.Json.Nodes;

namespace CoachBot.LocalWorkspace.Api;

internal static class Api
{
    public static JsonObject Ok(JsonObject? fields = null)
    {
        var result = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields ?? [])
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    public static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    public static string Required(this ApiArgs args, string name) =>
        args.String(name) is { Length: > 0 } value ? value : throw new ApiErrorException(name == "channel" ? "channel_not_found" : "invalid_arguments");
}
