using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// The Bot Framework Activity fields CoachBot reads or writes. Unknown fields are kept in <see cref="Extra"/>
/// (the spec says receivers must accept them); open-ended parts stay <see cref="JsonElement"/>.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ReplyToId { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }
    public List<Attachment>? Attachments { get; init; }
    public List<Entity>? Entities { get; init; }
    public List<ChannelAccount>? MembersAdded { get; init; }
    public List<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static class Types
    {
        public const string Message = "message";
        public const string ConversationUpdate = "conversationUpdate";
        public const string InstallationUpdate = "installationUpdate";
        public const string Invoke = "invoke";
        public const string MessageReaction = "messageReaction";
    }
}
