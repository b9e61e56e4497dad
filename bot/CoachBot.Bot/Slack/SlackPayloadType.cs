namespace CoachBot.Bot.Slack;

/// <summary>Endpoint metadata: the content type Slack sends to this endpoint; anything else is refused with 415.</summary>
internal sealed record SlackPayloadType(string MediaType)
{
    public static readonly SlackPayloadType Json = new("application/json");
    public static readonly SlackPayloadType Form = new("application/x-www-form-urlencoded");
}
