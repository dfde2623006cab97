# cost-quality.gp - training cost against the result on one benchmark.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder.
# Data columns: cost, result, "paper", basis (0 stated, 1 estimated).
# Every text drawn from the data comes from the data file.
set terminal svg size 900,600 dynamic noenhanced font 'sans,12' background '#ffffff'
set output "cost-quality-2-fid-on-coco.svg"
set encoding utf8
data = "cost-quality-2-fid-on-coco.dat"
lower_is_better = 1
has_estimated = 0

set title "FID on COCO against training cost" font ',15'
set xlabel "Training cost in USD (log scale)"
set ylabel "FID on COCO — lower is better (axis reversed)"
set border 3 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics lc rgb '#e6e6e6' lw 1 dt 1
set key top right box lc rgb '#cccccc' opaque samplen 1 spacing 1.2

# Log axis with human tick labels: 1k, 10k, 1M, 1B.
hum(v) = v >= 1e12 ? sprintf('%gT', v/1e12) : v >= 1e9 ? sprintf('%gB', v/1e9) : \
	v >= 1e6 ? sprintf('%gM', v/1e6) : v >= 1e3 ? sprintf('%gk', v/1e3) : sprintf('%g', v)
stats data using 1 nooutput name 'X'
stats data using 2 nooutput name 'Y'
set logscale x 10
# Label 2 and 5 too (2k, 5k) when the data span fewer than three decades.
fine = X_max / X_min < 1000
set xtics ()
do for [e=-3:15] {
	set xtics add (hum(10.0**e) 10.0**e)
	do for [m=2:9] {
		if (fine && (m == 2 || m == 5)) {
			set xtics add (hum(m*10.0**e) m*10.0**e)
		} else {
			set xtics add ('' m*10.0**e 1)
		}
	}
}
set xrange [X_min/3:X_max*4]
dy = Y_max - Y_min
dy = dy > 0 ? dy : abs(Y_max)/4 + 1
if (lower_is_better) {
	set yrange [Y_max + 0.15*dy : Y_min - 0.15*dy]
} else {
	set yrange [Y_min - 0.15*dy : Y_max + 0.15*dy]
}

colour(basis) = basis == 0 ? 0x0072B2 : 0xE69F00
shape(basis) = basis == 0 ? 7 : 6
plot data using 1:2:(shape($4)):(colour($4)) with points pt variable ps 1.5 lw 2 lc rgb variable notitle, \
	keyentry with points pt 7 ps 1.5 lc rgb '#0072B2' title "cost as stated", \
	keyentry with points pt 6 ps 1.5 lw 2 lc rgb '#E69F00' title (has_estimated ? "cost estimated from stated compute" : ''), \
	data using 1:2:3 with labels left offset char 0.9,0.5 font ',10' tc rgb '#333333' notitle
