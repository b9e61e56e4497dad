namespace CoachBot.Coaching.Chat;

public enum ChatPlatform
{
    Slack,
    Teams,
}
