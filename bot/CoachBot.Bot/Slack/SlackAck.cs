using System.Text.Json.Nodes;

namespace CoachBot.Bot.Slack;

/// <summary>How a Slack request is answered, whichever way it came: as the HTTP response, or as the Socket Mode ack and its payload.</summary>
internal sealed record SlackAck(int Status, JsonObject? Body = null, string? Text = null)
{
    public static readonly SlackAck Ok = new(StatusCodes.Status200OK);
    public static readonly SlackAck Malformed = new(StatusCodes.Status400BadRequest);

    public static SlackAck Json(JsonObject body) => new(StatusCodes.Status200OK, body);

    public IResult ToResult() => this switch
    {
        { Text: { } text } => TypedResults.Text(text),
        { Body: { } body } => TypedResults.Json(body),
        { Status: StatusCodes.Status200OK } => TypedResults.Ok(),
        _ => TypedResults.StatusCode(Status),
    };
}
