package random

// This file is CPython's Mersenne Twister (Modules/_randommodule.c): the
// generator, its seeding from an int and its float and bit draws, so that
// a seeded scene draws exactly CPython's numbers.

import (
	"math/big"
)

const (
	mtN         = 624
	mtM         = 397
	matrixA     = 0x9908b0df
	upperMask   = 0x80000000
	lowerMask   = 0x7fffffff
	seedInitial = 19650218
)

// mt is the generator's state (RandomObject).
type mt struct {
	state [mtN]uint32
	index int
}

// initGenrand is init_genrand.
func (r *mt) initGenrand(s uint32) {
	r.state[0] = s
	for i := 1; i < mtN; i++ {
		prev := r.state[i-1]
		r.state[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	r.index = mtN
}

// initByArray is init_by_array.
func (r *mt) initByArray(key []uint32) {
	r.initGenrand(seedInitial)
	mt := &r.state
	i, j := 1, 0
	k := mtN
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
}

// seedInt is random_seed for an int: the key is abs(n)'s 32-bit words,
// least significant first (one zero word for 0).
func (r *mt) seedInt(n *big.Int) {
	n = new(big.Int).Abs(n)
	words := n.Bits()
	var key []uint32
	for _, w := range words {
		key = append(key, uint32(w))
		if wordBits == 64 {
			key = append(key, uint32(uint64(w)>>32))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
}

const wordBits = 32 << (^big.Word(0) >> 63)

// uint32 is genrand_uint32.
func (r *mt) uint32() uint32 {
	mt := &r.state
	if r.index >= mtN {
		var kk int
		for kk = 0; kk < mtN-mtM; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+mtM] ^ (y >> 1) ^ (y&1)*matrixA
		}
		for ; kk < mtN-1; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+(mtM-mtN)] ^ (y >> 1) ^ (y&1)*matrixA
		}
		y := (mt[mtN-1] & upperMask) | (mt[0] & lowerMask)
		mt[mtN-1] = mt[mtM-1] ^ (y >> 1) ^ (y&1)*matrixA
		r.index = 0
	}
	y := mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// random is random_random: a float in [0, 1) from 53 random bits.
func (r *mt) random() float64 {
	a := r.uint32() >> 5
	b := r.uint32() >> 6
	// float64(...) keeps the compiler from fusing the multiply and add
	// (arm64 would), which C does not do here.
	return (float64(float64(a)*67108864.0) + float64(b)) * (1.0 / 9007199254740992.0)
}

// bits is getrandbits(k) for k >= 0: k random bits, filled from the least
// significant 32-bit word up, the last word keeping its high bits.
func (r *mt) bits(k int) *big.Int {
	if k <= 32 {
		if k == 0 {
			return new(big.Int)
		}
		return new(big.Int).SetUint64(uint64(r.uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	w := make([]uint32, words)
	for i := 0; i < words; i, k = i+1, k-32 {
		x := r.uint32()
		if k < 32 {
			x >>= 32 - k
		}
		w[i] = x
	}
	// big-endian bytes of the little-endian word array
	buf := make([]byte, 4*words)
	for i, x := range w {
		o := 4 * (words - 1 - i)
		buf[o], buf[o+1], buf[o+2], buf[o+3] = byte(x>>24), byte(x>>16), byte(x>>8), byte(x)
	}
	return new(big.Int).SetBytes(buf)
}

// below is _randbelow_with_getrandbits for n > 0.
func (r *mt) below(n *big.Int) *big.Int {
	k := n.BitLen()
	if k <= 32 {
		nn := n.Uint64()
		for {
			x := uint64(r.uint32() >> (32 - k))
			if x < nn {
				return new(big.Int).SetUint64(x)
			}
		}
	}
	for {
		x := r.bits(k)
		if x.Cmp(n) < 0 {
			return x
		}
	}
}

// belowInt is below for an n that fits an int (n > 0).
func (r *mt) belowInt(n int64) int64 {
	if n < 1<<32 {
		k := big.NewInt(n).BitLen()
		for {
			x := int64(r.uint32() >> (32 - k))
			if x < n {
				return x
			}
		}
	}
	return r.below(big.NewInt(n)).Int64()
}
