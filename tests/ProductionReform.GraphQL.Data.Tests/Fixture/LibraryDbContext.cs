using Microsoft.EntityFrameworkCore;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Book> Books => Set<Book>();

    /// <summary>
    /// Four authors (one without books) and eight books (one without author), chosen so that every filter, order and
    /// page of the tests has a known answer: the titles hold a literal <c>%</c> and <c>_</c>, kinds and pages differ.
    /// </summary>
    public async Task SeedAsync()
    {
        Author luXun = new() { Name = "Lu Xun" }, liBai = new() { Name = "Li Bai" }, baJin = new() { Name = "Ba Jin" };
        Authors.AddRange(luXun, liBai, baJin, new Author { Name = "Nobody" });
        Books.AddRange(
            Book("Call to Arms", 220, new DateOnly(1923, 8, 1), BookKind.Novel, luXun),
            Book("Wild Grass", 80, new DateOnly(1927, 7, 1), BookKind.Poetry, luXun),
            Book("Diary of a Madman", 30, new DateOnly(1918, 5, 15), BookKind.Novel, luXun),
            Book("Quiet Night Thought", 1, new DateOnly(726, 1, 1), BookKind.Poetry, liBai),
            Book("Drinking Alone by Moonlight", 2, new DateOnly(744, 1, 1), BookKind.Poetry, liBai),
            Book("Family", 400, new DateOnly(1933, 5, 1), BookKind.Novel, baJin),
            Book("100%_pure notes", 50, new DateOnly(1980, 1, 1), BookKind.Essay, baJin),
            Book("Anonymous Tales", 120, new DateOnly(1900, 1, 1), BookKind.Novel, null));
        await SaveChangesAsync();
    }

    private static Book Book(string title, int pages, DateOnly publishedOn, BookKind kind, Author? author) =>
        new() { Title = title, Pages = pages, PublishedOn = publishedOn, Kind = kind, Author = author };
}
