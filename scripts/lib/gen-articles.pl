#!/usr/bin/perl
# Writes COUNT distinct plain-text articles named PREFIX-N.txt into DIR, each first under a temporary name
# (.PREFIX-N.txt.tmp, which Gleaner ignores) and then renamed, as a careful writer does. Every article is a
# title and 80 words drawn at random from the words of the sample articles, seeded by PREFIX and N, so no
# two are near duplicates and a lost file cannot hide behind deduplication.
#
#   gen-articles.pl DIR COUNT PREFIX [--delay SECONDS] [--bad-every K] [--stage DIR2]
#
# --delay      sleep between files (a stream rather than a burst)
# --bad-every  every Kth file is binary junk (quarantined by Gleaner as a bad input), distinct bytes each
# --stage      write the temporary files in DIR2 (same filesystem) instead of DIR
use strict;
use warnings;
use File::Basename qw(dirname);
use Time::HiRes qw(sleep);

my ($dir, $count, $prefix) = splice(@ARGV, 0, 3);
die "usage: gen-articles.pl DIR COUNT PREFIX [--delay S] [--bad-every K] [--stage DIR2]\n" unless defined $prefix;
my ($delay, $bad_every, $stage) = (0, 0, $dir);
while (@ARGV) {
    my $option = shift @ARGV;
    if ($option eq '--delay') { $delay = shift @ARGV }
    elsif ($option eq '--bad-every') { $bad_every = shift @ARGV }
    elsif ($option eq '--stage') { $stage = shift @ARGV }
    else { die "gen-articles.pl: unknown option $option\n" }
}

my $samples = dirname(__FILE__) . '/../../Tests/Fixtures/samples';
my %seen;
for my $file (glob("$samples/*.txt")) {
    open(my $in, '<', $file) or die "gen-articles.pl: cannot read $file: $!\n";
    local $/;
    my $text = <$in>;
    $seen{lc $1} = 1 while $text =~ /([A-Za-z]{4,})/g;
}
my @words = sort keys %seen;
die "gen-articles.pl: no words in $samples\n" if @words < 100;

my $seed = 0;
$seed = ($seed * 33 + ord($_)) % 2147483647 for split //, $prefix;
for my $n (1 .. $count) {
    my $name = "$prefix-$n.txt";
    my $temporary = "$stage/.$name.tmp";
    open(my $out, '>', $temporary) or die "gen-articles.pl: cannot write $temporary: $!\n";
    binmode $out;
    if ($bad_every && $n % $bad_every == 0) {
        print $out "\x00\x01\x02\xff binary junk $prefix $n \x00";
    } else {
        srand($seed * 1000003 + $n);
        my @body = map { $words[int(rand(@words))] } 1 .. 80;
        my @title = map { ucfirst $words[int(rand(@words))] } 1 .. 6;
        print $out join(' ', @title), "\n\n", join(' ', @body), ".\n";
    }
    close($out) or die "gen-articles.pl: cannot write $temporary: $!\n";
    rename($temporary, "$dir/$name") or die "gen-articles.pl: cannot rename $temporary into $dir: $!\n";
    sleep($delay) if $delay > 0;
}
