using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CoachBot.Bot.Slack;

/// <summary>Reads a verified form body (commands, interactions); ids in it are checked by whoever reads them (<see cref="CoachBot.Platforms.Slack.SlackId"/>).</summary>
internal static class SlackForm
{
    /// <summary>The fields, or null when no Slack form looks like this (a key over 2 KiB, over 1,024 fields, U+0000 in a key).</summary>
    public static Dictionary<string, StringValues>? Read(byte[] body)
    {
        try
        {
            var form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
            return form.Keys.Any(key => key.Contains('\0')) ? null : form;
        }
        catch (InvalidDataException)
        {
            // FormReader's own limits (key length, field count): the request is malformed, not our failure.
            return null;
        }
    }
}
