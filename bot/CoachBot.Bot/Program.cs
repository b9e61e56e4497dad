using CoachBot.Bot.Health;
using CoachBot.Bot.Hosting;
using CoachBot.Bot.Jobs;
using CoachBot.Jobs.Hosting;
using CoachBot.Jobs.Nudges;

var builder = WebApplication.CreateBuilder(args);

// Storage first: migrations must run before anything reads or schedules.
builder.AddCoachBotStorage();
builder.AddCoachBotJobs();
builder.AddCoachBotNudges();
builder.AddCoachBotHealth();

var app = builder.Build();

app.MapCoachBotHealth();
app.MapCoachBotDashboard();

return await app.RunCoachBotAsync(args);

// Exposed so WebApplicationFactory<Program> can host the real pipeline in tests.
public partial class Program;
