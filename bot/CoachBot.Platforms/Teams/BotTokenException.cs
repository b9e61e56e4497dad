namespace CoachBot.Platforms.Teams;

public sealed class BotTokenException(string message) : Exception(message);
